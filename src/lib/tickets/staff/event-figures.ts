import { rpc } from '../../db/store.ts';
import type { TicketFigures } from './schemas.ts';

/** Usage figures of the online box office, the published evidence of plan activity 2.3. No personal data. */
export async function getTicketFigures(): Promise<TicketFigures> {
  return rpc<TicketFigures>('get_ticket_figures');
}
