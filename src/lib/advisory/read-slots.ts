import { rpc } from '../db/store.ts';
import type { Result } from '../result.ts';
import { validate } from '../validation.ts';
import { slotsQuery, type Booking, type Slot, type Topic } from './schemas.ts';

export const listTopics = () => rpc<Topic[]>('list_advisory_topics');

/** Slots of a topic between two Bogotá days, inside the notice and the horizon (GET /api/advisory/slots). */
export async function listSlots(query: Record<string, unknown>): Promise<Result<Slot[]>> {
  const input = validate(slotsQuery, query);
  if (!input.ok) return input;
  const { topic, from, to } = input.value;
  return { ok: true, value: await rpc<Slot[]>('list_advisory_slots', { p_topic: topic, p_from: from, p_to: to }) };
}

/** The booking behind a code and its secret; null when either is wrong. */
export const getBooking = (code: string, secret: string) => rpc<Booking | null>('get_advisory_booking', { p_code: code, p_secret: secret });

export type SlotDetail = Slot & { topic: string; topicLabel: string; venue: string | null };

/** One bookable slot of a topic; null when it is gone, taken by nobody's rules, or outside notice and horizon. */
export const getSlot = (id: string, topic: string) =>
  /^[0-9a-f-]{36}$/.test(id) ? rpc<SlotDetail | null>('get_advisory_slot', { p_slot_id: id, p_topic: topic }) : Promise.resolve(null);

export type Notice = { version: string; purpose: string; body: string };
export const getNotice = () => rpc<Notice>('get_advisory_notice');
