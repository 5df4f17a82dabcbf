/**
 * The journal's agenda of conferences: upcoming ones by month, filtered by country, city or an
 * open call for papers, with the days left to submit; past ones apart. Pure: "today" is given.
 */
import type { Conference } from './conference';

export interface AgendaFilters {
  country: string | null;
  city: string | null;
  cfpOpen: boolean;
}

const DAY_MS = 86_400_000;

/** Days left to submit (0 on the closing day), or null when the CfP is not known to be open. */
export function cfpDaysLeft(conference: Conference, today: string): number | null {
  const closesOn = conference.cfp?.closesOn;
  if (!closesOn || closesOn < today) return null;
  return Math.round((Date.parse(closesOn) - Date.parse(today)) / DAY_MS);
}

/** Conferences not over yet, soonest first; those without a date are not on an agenda. */
export function upcoming(conferences: Conference[], today: string): Conference[] {
  return conferences
    .filter((conference) => conference.startsOn !== null && conference.endsOn !== null && conference.endsOn >= today)
    .sort((a, b) => a.startsOn!.localeCompare(b.startsOn!) || a.name.localeCompare(b.name));
}

/** Conferences over, most recent first. */
export function past(conferences: Conference[], today: string): Conference[] {
  return conferences
    .filter((conference) => conference.endsOn !== null && conference.endsOn < today)
    .sort((a, b) => b.endsOn!.localeCompare(a.endsOn!));
}

export function filterAgenda(conferences: Conference[], filters: AgendaFilters, today: string): Conference[] {
  return conferences.filter(
    (conference) =>
      (filters.country === null || conference.country === filters.country) &&
      (filters.city === null || conference.city === filters.city) &&
      (!filters.cfpOpen || cfpDaysLeft(conference, today) !== null),
  );
}

export function byMonth(conferences: Conference[]): { month: string; conferences: Conference[] }[] {
  const months: { month: string; conferences: Conference[] }[] = [];
  for (const conference of conferences) {
    const month = conference.startsOn!.slice(0, 7);
    const last = months.at(-1);
    if (last?.month === month) last.conferences.push(conference);
    else months.push({ month, conferences: [conference] });
  }
  return months;
}

/** The countries of the conferences, and the cities of each, sorted, for the filters. */
export function places(conferences: Conference[]): { countries: string[]; cities: (country: string | null) => string[] } {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'fr'));
  return {
    countries: sorted(conferences.flatMap((conference) => conference.country ?? [])),
    cities: (country) =>
      sorted(
        conferences
          .filter((conference) => country === null || conference.country === country)
          .flatMap((conference) => conference.city ?? []),
      ),
  };
}
