import { rpc, SERVICE } from '../db/store.ts';

/**
 * Queues the e-mail of each invitation that came out since the last run to every confirmed subscriber, and
 * forgets sign-ups left unconfirmed for 30 days.
 */
export const sendInvitationNotices = () => rpc<{ invitations: number; messages: number; forgotten: number }>('send_invitation_notices', {}, SERVICE);
