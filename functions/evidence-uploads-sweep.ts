import type { Config } from '@netlify/functions';
import { sweepUploads } from '../src/lib/files/direct-upload.ts';

// Netlify scheduled function: upload slots nobody completed are forgotten, with any bytes sent to them.
export default async () => {
  const result = await sweepUploads();
  console.log(JSON.stringify({ level: 'info', job: 'evidence-uploads-sweep', ...result }));
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '@hourly' };
