import { describe, expect, it } from 'vitest';
import { SERVICE } from '../../src/lib/db/store.ts';
import { drain } from '../../src/lib/email/drain.ts';
import { localMailboxSender } from '../../src/lib/email/senders/local-mailbox.ts';
import { sql, store } from '../support/db.ts';
import { claim, enqueueNotice, outboxRow, recordingSender } from './outbox.ts';

// Every drain here names its messages (`ids`), so tests running beside it never take them.

describe('the outbox is written with the business row', () => {
  it('sends nothing when the transaction that queued the message rolls back', async () => {
    let id = 0;
    await expect(
      sql.begin(async (tx) => {
        const [row] = await tx`select private.enqueue_email('notice', 'ciudadana@example.org', ${tx.json({ subject: 'S', text: 'T' })}, null) as id`;
        id = Number(row.id);
        throw new Error('the registration failed');
      }),
    ).rejects.toThrow('the registration failed');
    expect(id).toBeGreaterThan(0);
    const sender = recordingSender();
    expect(await drain({ sender, ids: [id] })).toMatchObject({ claimed: 0, sent: 0 });
    expect(sender.sent).toEqual([]);
    expect(await sql`select 1 from private.email_outbox where id = ${id}`).toHaveLength(0);
  });

  it('delivers a committed message once into the local mailbox, then drops its payload', async () => {
    const id = await enqueueNotice('Su boleta');
    expect(await drain({ sender: localMailboxSender, ids: [id] })).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0, lost: 0 });
    expect(await drain({ sender: localMailboxSender, ids: [id] })).toMatchObject({ claimed: 0 });

    const mailbox = await sql`select recipient, subject, text_body, html_body from private.email_mailbox where outbox_id = ${id}`;
    expect(mailbox).toEqual([{ recipient: 'ciudadana@example.org', subject: 'Su boleta', text_body: 'Hola.\n\nEste es un aviso.', html_body: expect.stringContaining('<p>Este es un aviso.</p>') }]);
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, payload: {}, last_error: null, claim_token: null });
    expect(row.sent_at).toBeInstanceOf(Date);
  });

  it('returns the existing message for a repeated dedupe key', async () => {
    const key = `prueba:${Date.now()}:${Math.random()}`;
    const [a] = await sql`select private.enqueue_email('notice', 'a@example.org', ${sql.json({ subject: 'S', text: 'T' })}, ${key}) as id`;
    const [b] = await sql`select private.enqueue_email('notice', 'a@example.org', ${sql.json({ subject: 'S', text: 'T' })}, ${key}) as id`;
    expect(b.id).toBe(a.id);
  });
});

describe('senders never send a message twice', () => {
  it('parallel drainers each send a different set of messages', async () => {
    for (let round = 0; round < 8; round++) {
      const ids = await Promise.all(Array.from({ length: 24 }, (_, i) => enqueueNotice(`Ronda ${round} mensaje ${i}`)));
      const sender = recordingSender({ delayMs: () => Math.floor(Math.random() * 4) });
      const counts = await Promise.all(Array.from({ length: 4 }, () => drain({ sender, ids, batch: 3 })));
      const sentIds = sender.sent.map((m) => m.id).sort((a, b) => a - b);
      expect(sentIds).toEqual([...ids].sort((a, b) => a - b));
      expect(counts.reduce((n, c) => n + c.sent, 0)).toBe(ids.length);
      const statuses = await sql`select status, attempts from private.email_outbox where id = any(${ids}) group by status, attempts`;
      expect(statuses).toEqual([{ status: 'sent', attempts: 1 }]);
    }
  });

  it('gives a crashed claim back after its lease, and ignores the crashed sender afterwards', async () => {
    const id = await enqueueNotice();
    const [crashed] = await claim([id]);
    expect(crashed).toMatchObject({ id, attempt: 1 });
    // Leased: no other sender takes it.
    expect(await claim([id])).toEqual([]);

    await sql`update private.email_outbox set locked_until = now() - interval '1 second' where id = ${id}`;
    const sender = recordingSender();
    expect(await drain({ sender, ids: [id] })).toMatchObject({ claimed: 1, sent: 1 });
    expect(sender.sent.map((m) => m.id)).toEqual([id]);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2 });

    // The crashed sender comes back: its marks change nothing, and a sent message is never claimed again.
    expect(await store.rpc('email_mark_sent', { p_id: id, p_token: crashed.token }, SERVICE)).toBe(false);
    expect(await store.rpc('email_mark_failed', { p_id: id, p_token: crashed.token, p_error: 'tarde' }, SERVICE)).toBeNull();
    await sql`update private.email_outbox set locked_until = now() - interval '1 second', next_attempt_at = now() - interval '1 second' where id = ${id}`;
    expect(await claim([id])).toEqual([]);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('keeps one local copy when the sender died between storing the message and marking it sent', async () => {
    const id = await enqueueNotice('Una sola copia');
    const [crashed] = await claim([id]);
    await localMailboxSender.send({ id, token: crashed.token, template: 'notice', to: 'ciudadana@example.org', rendered: { subject: 'Una sola copia', text: 'Hola' } });
    await sql`update private.email_outbox set locked_until = now() - interval '1 second' where id = ${id}`;

    expect(await drain({ sender: localMailboxSender, ids: [id] })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await sql`select subject from private.email_mailbox where outbox_id = ${id}`).toEqual([{ subject: 'Una sola copia' }]);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('fails for good a message whose sender died on its last attempt', async () => {
    const id = await enqueueNotice();
    await sql`update private.email_outbox set status = 'sending', attempts = 8, locked_until = now() - interval '1 second' where id = ${id}`;
    expect(await claim([id])).toEqual([]);
    expect(await outboxRow(id)).toMatchObject({ status: 'failed', attempts: 8, last_error: expect.stringContaining('último intento') });
  });
});

describe('failures', () => {
  it('retries a failed send with growing back-off, then marks it failed after the last attempt', async () => {
    const id = await enqueueNotice();
    const sender = recordingSender({ failWith: new Error('SMTP caído') });
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      const counts = await drain({ sender, ids: [id] });
      const row = await outboxRow(id);
      expect(row.attempts).toBe(attempt);
      expect(row.last_error).toBe('SMTP caído');
      if (attempt < 8) {
        expect(counts).toMatchObject({ claimed: 1, retried: 1, failed: 0 });
        expect(row.status).toBe('pending');
        waits.push(Math.round(row.retry_in));
        // Not due yet: another drain leaves it alone.
        expect(await drain({ sender, ids: [id] })).toMatchObject({ claimed: 0 });
        await sql`update private.email_outbox set next_attempt_at = now() where id = ${id}`;
      } else {
        expect(counts).toMatchObject({ claimed: 1, retried: 0, failed: 1 });
        expect(row.status).toBe('failed');
        // Kept for staff to see why, until the purge 30 days on.
        expect(row.payload).toMatchObject({ subject: 'Aviso de prueba' });
      }
    }
    expect(waits.map((w) => Math.round(w / 10) * 10)).toEqual([30, 60, 120, 240, 480, 960, 1920]);
    await sql`update private.email_outbox set next_attempt_at = now() where id = ${id}`;
    expect(await drain({ sender, ids: [id] })).toMatchObject({ claimed: 0 });
  });

  it('marks an unknown template failed at once, with the reason, and carries on with the others', async () => {
    const [{ id: unknown }] = await sql`select private.enqueue_email('no-existe', 'a@example.org', '{}'::jsonb, null) as id`;
    const [{ id: badPayload }] = await sql`select private.enqueue_email('notice', 'a@example.org', '{"subject": ""}'::jsonb, null) as id`;
    const good = await enqueueNotice();
    const sender = recordingSender();
    expect(await drain({ sender, ids: [Number(unknown), Number(badPayload), good] })).toEqual({ claimed: 3, sent: 1, retried: 0, failed: 2, lost: 0 });
    expect(await outboxRow(Number(unknown))).toMatchObject({ status: 'failed', attempts: 1, last_error: 'Plantilla desconocida: no-existe' });
    expect(await outboxRow(Number(badPayload))).toMatchObject({ status: 'failed', last_error: expect.stringContaining('La plantilla notice no pudo componer el mensaje') });
    expect(sender.sent.map((m) => m.id)).toEqual([good]);
  });

  it('purges the payload of messages failed 30 days ago and old mailbox copies', async () => {
    const failed = await enqueueNotice();
    await sql`update private.email_outbox set status = 'failed', created_at = now() - interval '31 days' where id = ${failed}`;
    const delivered = await enqueueNotice();
    await drain({ sender: localMailboxSender, ids: [delivered] });
    await sql`update private.email_mailbox set sent_at = now() - interval '31 days' where outbox_id = ${delivered}`;
    const purged = await store.rpc<{ failedPayloads: number; mailbox: number }>('email_purge', {}, SERVICE);
    expect(purged.failedPayloads).toBeGreaterThanOrEqual(1);
    expect(purged.mailbox).toBeGreaterThanOrEqual(1);
    expect(await outboxRow(failed)).toMatchObject({ status: 'failed', payload: {} });
    expect(await sql`select 1 from private.email_mailbox where outbox_id = ${delivered}`).toHaveLength(0);
  });
});

describe('who may run the sender and read the mailbox', () => {
  const staff = (roles: string[]) => ({ kind: 'staff' as const, token: '', claims: { sub: 'x', email: 'x@agencia.gov.co', role: 'authenticated', app_metadata: { roles } } });

  it('lets only the service role claim, mark and purge', async () => {
    for (const fn of ['email_claim', 'email_purge']) {
      await expect(store.rpc(fn, {}), `${fn} as anon`).rejects.toThrow(/permission denied/);
      await expect(store.rpc(fn, {}, staff(['admin'])), `${fn} as admin`).rejects.toThrow(/permission denied/);
    }
    await expect(store.rpc('email_mark_sent', { p_id: 1, p_token: crypto.randomUUID() }, staff(['admin']))).rejects.toThrow(/permission denied/);
  });

  it('lets communications and admin read the mailbox, and refuses other roles', async () => {
    const id = await enqueueNotice('Para comunicaciones');
    await drain({ sender: localMailboxSender, ids: [id] });
    const list = await store.rpc<any>('staff_list_mailbox', {}, staff(['communications']));
    expect(list.ok).toBe(true);
    const entry = list.value.find((m: { subject: string }) => m.subject === 'Para comunicaciones');
    expect(entry).toMatchObject({ template: 'notice', to: 'ciudadana@example.org', attachments: 0 });
    expect(await store.rpc('staff_get_mail', { p_id: entry.id }, staff(['admin']))).toMatchObject({ ok: true, value: { subject: 'Para comunicaciones' } });
    expect(await store.rpc('staff_get_mail', { p_id: 0 }, staff(['admin']))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await store.rpc('staff_list_mailbox', {}, staff(['box_office']))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(store.rpc('staff_list_mailbox', {})).rejects.toThrow(/permission denied/);
  });
});
