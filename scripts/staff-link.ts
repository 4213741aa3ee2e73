// npm run staff:link -- <email> <role[,role]> : prints a URL that opens a staff session in the browser.
import { signStaffToken } from '../src/lib/auth/tokens.ts';
import { parseStaffArgs } from './staff-args.ts';
import { dataDirOf, loadLocalSecrets } from './local-secrets.ts';
import { serverAddress } from './server-address.ts';

const root = new URL('..', import.meta.url).pathname;
const dataDir = dataDirOf(root);
await loadLocalSecrets(dataDir);
const { email, roles } = parseStaffArgs(process.argv.slice(2), 'staff:link');
const token = await signStaffToken({ email, roles }, process.env.STAFF_JWT_SECRET!);
const base = await serverAddress(dataDir);
console.log(`${base}/staff/entrar?token=${encodeURIComponent(token)}`);
