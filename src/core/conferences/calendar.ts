/**
 * Conferences as an iCalendar file (RFC 5545, written by ical-generator): one all-day event per
 * conference with its dates, place, address and CfP deadline, under a stable UID so that adding
 * it twice to an agenda updates it rather than doubling it.
 */
import ical from 'ical-generator';
import type { Conference } from './conference';

/** What the description says, in the listener's language: "CfP jusqu’au $1", "Annoncée dans $1". */
export interface CalendarLabels {
  calendarName: string;
  cfpUntil: (day: string) => string;
  online: string;
}

/** Noon UTC of a day: the same calendar day wherever the agenda is. */
const noonOf = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T12:00:00Z`) + plusDays * 86_400_000);

export function conferencesCalendar(conferences: Conference[], labels: CalendarLabels): string {
  const calendar = ical({ name: labels.calendarName, prodId: { company: 'LCC Companion', product: 'lcc-companion', language: 'FR' } });
  for (const conference of conferences) {
    if (!conference.startsOn || !conference.endsOn) continue;
    const place = [
      conference.city && `${conference.city}${conference.country ? ` (${conference.country})` : ''}`,
      conference.online && labels.online,
    ]
      .filter(Boolean)
      .join(' & ');
    calendar.createEvent({
      id: `${conference.startsOn}-${conference.url}@lcc-companion`,
      start: noonOf(conference.startsOn),
      // All-day events end the day after their last day (RFC 5545, DTEND exclusive).
      end: noonOf(conference.endsOn, 1),
      allDay: true,
      summary: conference.name,
      location: place || null,
      url: conference.url,
      description: conference.cfp?.closesOn ? labels.cfpUntil(conference.cfp.closesOn) : null,
    });
  }
  return calendar.toString();
}
