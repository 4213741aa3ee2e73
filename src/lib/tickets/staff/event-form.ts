import { toBogotaInputValue } from '../../bogota-time.ts';
import type { StaffEvent } from './schemas.ts';

const FIELDS = ['slug', 'title', 'description', 'startsAt', 'venue', 'capacity', 'maxPerRegistration', 'opensAt', 'closesAt', 'imageUrl', 'imageAlt'] as const;

/** What was posted, back into the form's boxes after an error (text fields only). */
export function postedValues(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(FIELDS.map((name) => [name, typeof data[name] === 'string' ? (data[name] as string) : '']));
}

/** The form's fields only: a form post carries nothing else the strict schemas would refuse. */
export function eventFields(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(FIELDS.filter((name) => name in data).map((name) => [name, data[name]]));
}

/** An event as the edit form shows it: times in Colombian `datetime-local` values. */
export function eventValues(event: StaffEvent): Record<string, string> {
  const local = (iso: string) => toBogotaInputValue(new Date(iso));
  return {
    title: event.title,
    description: event.description ?? '',
    startsAt: local(event.startsAt),
    venue: event.venue,
    capacity: String(event.capacity),
    maxPerRegistration: String(event.maxPerRegistration),
    opensAt: local(event.opensAt),
    closesAt: local(event.closesAt),
    imageUrl: event.imageUrl ?? '',
    imageAlt: event.imageAlt ?? '',
  };
}
