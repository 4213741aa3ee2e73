import type { Config } from '@netlify/functions';
import { sendInvitationNotices } from '../src/lib/communications/send-notices.ts';

// Netlify scheduled function: an invitation scheduled for later needs nobody at the keyboard. The pages
// read the time on every request (SQL compares publish_at with now()), so this job only e-mails the
// mailing list about each invitation once it has come out.
export default async () => {
  const result = await sendInvitationNotices();
  console.log(JSON.stringify({ level: 'info', job: 'invitation-notices', ...result }));
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '*/5 * * * *' };
