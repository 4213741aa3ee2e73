import { rpc, type Caller } from '../db/store.ts';
import type { Result } from '../result.ts';

export type MailboxEntry = { id: number; template: string; to: string; subject: string; sentAt: string; attachments: number };
export type StoredAttachment = { filename: string; contentType: string; content: string };
export type StoredMail = Omit<MailboxEntry, 'attachments'> & { text: string; html: string | null; attachments: StoredAttachment[] };

/** The local mailbox, newest first: what the citizens would have received (communications, admin). */
export function listMailbox(caller: Caller): Promise<Result<MailboxEntry[]>> {
  return rpc<Result<MailboxEntry[]>>('staff_list_mailbox', { p_limit: 200 }, caller);
}

/** One stored message with its HTML and attachments (base64). */
export function getMail(id: string, caller: Caller): Promise<Result<StoredMail>> {
  if (!/^[1-9][0-9]{0,17}$/.test(id)) return Promise.resolve({ ok: false, error: { code: 'not_found' } });
  return rpc<Result<StoredMail>>('staff_get_mail', { p_id: id }, caller);
}
