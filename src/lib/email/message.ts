/** What a template renders from its payload: the message a citizen reads. */
export type Attachment = { filename: string; content: string | Uint8Array; contentType: string };
export type RenderedEmail = { subject: string; text: string; html?: string; attachments?: Attachment[] };

/** A claimed outbox message, rendered and ready for a sender. `token` identifies the claim that owns it. */
export type OutgoingEmail = { id: number; token: string; template: string; to: string; rendered: RenderedEmail };

export interface Sender {
  readonly kind: 'smtp' | 'local';
  /** Delivers one message or throws; a `PermanentEmailError` means a retry cannot help. */
  send(message: OutgoingEmail): Promise<void>;
}

/** A failure no retry will fix (an address the server refuses): the message is marked failed at once. */
export class PermanentEmailError extends Error {}
