// npm run staff:token -- <email> <role[,role]> : prints a bearer token signed with the local secret.
import { signStaffToken } from '../src/lib/auth/tokens.ts';
import { parseStaffArgs } from './staff-args.ts';
import { dataDirOf, loadLocalSecrets } from './local-secrets.ts';

const root = new URL('..', import.meta.url).pathname;
await loadLocalSecrets(dataDirOf(root));
const { email, roles } = parseStaffArgs(process.argv.slice(2), 'staff:token');
console.log(await signStaffToken({ email, roles }, process.env.STAFF_JWT_SECRET!));
