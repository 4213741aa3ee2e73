import { rpc, type Caller } from '../db/store.ts';
import { fail, type Result } from '../result.ts';

export type FailedEmail = {
  id: number;
  template: string;
  recipient: string;
  attempts: number;
  lastError: string | null;
  queuedAt: string;
  failedAt: string;
  /** False once the payload was dropped (30 days): nothing left to render. */
  retryable: boolean;
};

/** Messages that failed for good, newest first (admins). */
export function listFailedEmails(caller: Caller): Promise<Result<FailedEmail[]>> {
  return rpc<Result<FailedEmail[]>>('staff_list_failed_emails', {}, caller);
}

/** Puts a failed message back in the queue: the sender tries it afresh. */
export function retryEmail(id: string, caller: Caller): Promise<Result<{ id: number; status: 'pending' }>> {
  if (!/^[1-9][0-9]{0,17}$/.test(id)) return Promise.resolve(fail({ code: 'not_found' }));
  return rpc('staff_retry_email', { p_id: id }, caller);
}
