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

/**
 * The address an event may carry: an http(s) URL with no white space or control character in it
 * (a line break would end the property and start another: an injected ATTENDEE, a whole
 * VEVENT), as the URL parser writes it, with `,` and `;` percent-encoded: the URL property is a
 * URI, which RFC 5545 does not escape, and the library would write them with backslashes.
 */
function calendarUrl(address: string): string | null {
  if (/[\s\u0000-\u001f\u007f]/u.test(address)) return null;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return url.href.replaceAll(',', '%2C').replaceAll(';', '%3B');
}

/** Noon UTC of a day: the same calendar day wherever the agenda is. */
const noonOf = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T12:00:00Z`) + plusDays * 86_400_000);

export function conferencesCalendar(conferences: Conference[], labels: CalendarLabels): string {
  const calendar = ical({ name: labels.calendarName, prodId: { company: 'LCC Companion', product: 'lcc-companion', language: 'FR' } });
  for (const conference of conferences) {
    const url = calendarUrl(conference.url);
    if (!conference.startsOn || !conference.endsOn || !url) continue;
    const place = [
      conference.city && `${conference.city}${conference.country ? ` (${conference.country})` : ''}`,
      conference.online && labels.online,
    ]
      .filter(Boolean)
      .join(' & ');
    calendar.createEvent({
      // Safe characters only (a day, a clean address): the same UID as ever for the same conference.
      id: `${conference.startsOn}-${url}@lcc-companion`,
      start: noonOf(conference.startsOn),
      // All-day events end the day after their last day (RFC 5545, DTEND exclusive).
      end: noonOf(conference.endsOn, 1),
      allDay: true,
      summary: conference.name,
      location: place || null,
      url,
      description: conference.cfp?.closesOn ? labels.cfpUntil(conference.cfp.closesOn) : null,
    });
  }
  return calendar.toString();
}
