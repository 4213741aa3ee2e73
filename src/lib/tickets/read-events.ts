import { rpc } from '../db/store.ts';
import type { Ticket, TicketEvent, TicketEventPage, WaitlistOffer } from './schemas.ts';

/** Published events, upcoming and of the last 30 days, soonest first. */
export const listEvents = () => rpc<TicketEvent[]>('list_events');

/** One published event with its personal-data notice; null for an unknown slug or a draft. */
export const getEvent = (slug: string) => rpc<TicketEventPage | null>('get_event', { p_slug: slug });

/** The ticket behind a code and its secret; null when either is wrong. */
export const getTicket = (code: string, secret: string) => rpc<Ticket | null>('get_ticket', { p_code: code, p_secret: secret });

/** The waiting-list offer behind a claim link; null for an unknown token. */
export const getOffer = (token: string) => rpc<WaitlistOffer | null>('get_waitlist_offer', { p_token: token });
