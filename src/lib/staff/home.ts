import { rpc, type Caller } from '../db/store.ts';
import type { Result } from '../result.ts';

// The staff home, as public.staff_home() builds it: one section per duty of the caller's roles.
type Sections = {
  phone_queue: { slug: string; title: string; due: number; waiting: number };
  events_today: { slug: string; title: string; startsAt: string; seats: number; checkedIn: number };
  advisory_bookings: { code: string; startsAt: string; advisor: string; topic: string; tomorrow: boolean };
  hearing_questions: { slug: string; title: string; overdue: number; due: number; firstDueOn: string };
  text_reviews: { slug: string; title: string; pending: number };
  results_to_publish: { slug: string; title: string; responses: number };
  improvement_overdue: { id: string; title: string; source: 'accountability' | 'diagnosis'; ownerArea: string; dueOn: string };
  plan_overdue: { code: string; title: string; endsOn: string };
  failed_email: { id: number; template: string; failedAt: string };
};
export type HomeSectionKey = keyof Sections;
export type HomeSection = { [K in HomeSectionKey]: { key: K; items: Sections[K][] } }[HomeSectionKey];
export type StaffHome = { today: string; sections: HomeSection[] };

export function readStaffHome(caller: Caller): Promise<Result<StaffHome>> {
  return rpc<Result<StaffHome>>('staff_home', {}, caller);
}

/** Where each kind of item is dealt with: one place, so the home's links follow the pages. */
export const homeLinks = {
  phoneQueue: (slug: string) => `/staff/telefonico/${slug}`,
  checkIn: (slug: string) => `/staff/eventos/${slug}/ingreso`,
  booking: (code: string) => `/staff/asesorias/reserva/${code}`,
  hearing: (slug: string) => `/staff/rendicion-de-cuentas/audiencias/${slug}`,
  results: (slug: string) => `/staff/resultados/${slug}`,
  improvement: (source: 'accountability' | 'diagnosis') => (source === 'diagnosis' ? '/staff/diagnostico' : '/staff/rendicion-de-cuentas'),
  planActivity: (code: string) => `/staff#staff-${code.replace(/\./g, '-')}`,
  failedEmails: () => '/staff/correo/fallidos',
};
