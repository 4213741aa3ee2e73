import { Feed } from 'feed';
import ical from 'ical-generator';
import { AGENCY_NAME, SITE_TITLE } from '../../consts.ts';
import { siteUrl } from '../social/share-links.ts';
import { INVITATIONS_PATH, invitationPath } from './links.ts';
import type { Invitation, MenuActivity, TrainingSession } from './schemas.ts';

type DatedActivity = Pick<MenuActivity, 'code' | 'title' | 'startsOn' | 'endsOn'>;

/** Dated invitations without an announced end last two hours in calendars. */
const DEFAULT_DURATION_MS = 2 * 60 * 60 * 1000;

/** The invitations being shown as one feed, written as RSS 2.0 or Atom 1.0. */
export function invitationsFeed(invitations: Invitation[], base = siteUrl()): Feed {
  const page = `${base}${INVITATIONS_PATH}`;
  const feed = new Feed({
    title: `Convocatorias de participación · ${AGENCY_NAME}`,
    description: `Invitaciones abiertas a encuestas, audiencias, capacitaciones y servicios de ${AGENCY_NAME} (${SITE_TITLE}).`,
    id: page,
    link: page,
    language: 'es-CO',
    copyright: `${AGENCY_NAME}`,
    updated: invitations.length > 0 ? new Date(Math.max(...invitations.map((i) => Date.parse(i.updatedAt)))) : new Date(0),
    feedLinks: { rss: `${page}/rss.xml`, atom: `${page}/atom.xml` },
    author: { name: AGENCY_NAME, link: base },
  });
  for (const invitation of invitations) {
    const link = `${base}${invitationPath(invitation.slug)}`;
    feed.addItem({
      title: invitation.title,
      id: link,
      link,
      description: invitation.body,
      date: new Date(invitation.publishAt),
      published: new Date(invitation.publishAt),
      image: invitation.imageUrl ? new URL(invitation.imageUrl, `${base}/`).toString() : undefined,
    });
  }
  return feed;
}

type CalendarSources = { invitations: Invitation[]; activities?: DatedActivity[]; training?: TrainingSession[] };

/**
 * The year's participation calendar (RFC 5545): dated invitations, training sessions and, when given, the
 * plan's activities as all-day spans from their start to their end date.
 */
export function participationCalendar({ invitations, activities = [], training = [] }: CalendarSources, base = siteUrl()): string {
  const calendar = ical({ name: `Participación ciudadana · ${AGENCY_NAME}`, prodId: { company: AGENCY_NAME, product: 'Participa', language: 'ES' } });
  for (const invitation of invitations.filter((i) => i.startsAt)) {
    const start = new Date(invitation.startsAt!);
    calendar.createEvent({
      id: `convocatoria-${invitation.slug}@participa`,
      start,
      end: invitation.endsAt ? new Date(invitation.endsAt) : new Date(start.getTime() + DEFAULT_DURATION_MS),
      summary: invitation.title,
      description: invitation.body,
      url: `${base}${invitationPath(invitation.slug)}`,
    });
  }
  for (const session of training) {
    const start = new Date(session.startsAt);
    calendar.createEvent({
      id: `capacitacion-${session.slug}@participa`,
      start,
      end: new Date(start.getTime() + DEFAULT_DURATION_MS),
      summary: `Capacitación: ${session.topic}`,
      description: `Dirigida a: ${session.audience}.`,
      location: session.place,
      url: `${base}/participa/capacitaciones#${session.slug}`,
    });
  }
  for (const activity of activities.filter((a) => a.startsOn && a.endsOn)) {
    calendar.createEvent({
      id: `actividad-${activity.code}@participa`,
      start: new Date(`${activity.startsOn}T00:00:00Z`),
      // iCalendar all-day events end on the day after the last one.
      end: new Date(Date.parse(`${activity.endsOn}T00:00:00Z`) + 86_400_000),
      allDay: true,
      summary: `Plan ${activity.code}: ${activity.title}`,
      url: `${base}/#actividad-${activity.code.replace(/\./g, '-')}`,
    });
  }
  return calendar.toString();
}
