/**
 * "Conférences": the conferences the notes announce, from the whole archive when it is there,
 * else from the episodes kept. Upcoming ones by month, filtered by country, city or an open call
 * for papers (closing within 7 days stands out), past ones folded away, each one or all of them
 * to the listener's agenda as an .ics file.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { byMonth, cfpDaysLeft, filterAgenda, past, places, upcoming, type AgendaFilters } from '../../src/core/conferences/agenda';
import { conferencesCalendar } from '../../src/core/conferences/calendar';
import { mergeConferences, type Conference } from '../../src/core/conferences/conference';
import { localToday } from '../../src/core/text/dates';
import { reportError } from '../../src/errors';
import { readArchive } from '../../src/platform/storage/archive';
import { listCachedEpisodes } from '../../src/platform/storage/episodeCopies';
import { formatDay, formatMonth, t } from '../../src/ui/i18n';
import { downloadFile } from '../downloadFile';
import { Switch } from '../../src/ui/Switch';

const SOON_DAYS = 7;

async function readConferences(): Promise<Conference[]> {
  const archive = (await readArchive()).records;
  const episodes =
    archive.length > 0 ? archive.map((entry) => entry.episode) : (await listCachedEpisodes()).records.map((entry) => entry.episode);
  episodes.sort((a, b) => b.publishedOn.localeCompare(a.publishedOn));
  return mergeConferences(episodes);
}

function downloadCalendar(conferences: Conference[], name: string): void {
  const text = conferencesCalendar(conferences, {
    calendarName: t('conferencesCalendarName'),
    cfpUntil: (day) => t('cfpUntil', formatDay(day)),
    online: t('conferencesOnline'),
  });
  downloadFile(name, text, 'text/calendar;charset=utf-8');
}

const fileName = (conference: Conference) =>
  `${
    conference.name
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'conference'
  }.ics`;

function ConferenceEntry({ conference, today }: { conference: Conference; today: string }) {
  const daysLeft = cfpDaysLeft(conference, today);
  const place = [
    conference.city && `${conference.city}${conference.country ? ` (${conference.country})` : ''}`,
    conference.online && t('conferencesOnline'),
  ]
    .filter(Boolean)
    .join(' & ');
  return (
    <li class="conference">
      <span class="when">
        {conference.startsOn === conference.endsOn
          ? formatDay(conference.startsOn!)
          : t('conferenceDates', formatDay(conference.startsOn!), formatDay(conference.endsOn!))}
      </span>
      <a href={conference.url} target="_blank" rel="noopener noreferrer">
        {conference.name}
      </a>
      <span class="hint">{place}</span>
      {daysLeft !== null && (
        <a
          class={daysLeft <= SOON_DAYS ? 'cfp soon' : 'cfp'}
          href={conference.cfp?.url ?? conference.url}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('cfpDaysLeft', daysLeft)}
        </a>
      )}
      <button
        type="button"
        class="link-button"
        aria-label={t('conferencesAddToCalendarOf', conference.name)}
        onClick={() => downloadCalendar([conference], fileName(conference))}
      >
        {t('conferencesAddToCalendar')}
      </button>
    </li>
  );
}

export function Conferences() {
  const [conferences, setConferences] = useState<Conference[] | null>(null);
  const [filters, setFilters] = useState<AgendaFilters>({ country: null, city: null, cfpOpen: false });
  const today = localToday();
  useEffect(() => void readConferences().then(setConferences, (error: unknown) => reportError('reading the conferences', error)), []);
  const coming = useMemo(() => upcoming(conferences ?? [], today), [conferences, today]);
  const shown = useMemo(() => filterAgenda(coming, filters, today), [coming, filters, today]);
  const over = useMemo(() => past(conferences ?? [], today), [conferences, today]);
  if (!conferences) return <p role="status">{t('loading')}</p>;
  const { countries, cities } = places(coming);

  return (
    <div class="conferences">
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('conferencesCountry')}{' '}
          <select
            value={filters.country ?? ''}
            onChange={(event) => setFilters({ ...filters, country: event.currentTarget.value || null, city: null })}
          >
            <option value="">{t('conferencesAnyPlace')}</option>
            {countries.map((country) => (
              <option key={country} value={country}>
                {country}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('conferencesCity')}{' '}
          <select value={filters.city ?? ''} onChange={(event) => setFilters({ ...filters, city: event.currentTarget.value || null })}>
            <option value="">{t('conferencesAnyPlace')}</option>
            {cities(filters.country).map((city) => (
              <option key={city} value={city}>
                {city}
              </option>
            ))}
          </select>
        </label>{' '}
        <Switch label={t('conferencesCfpOpen')} checked={filters.cfpOpen} onChange={(cfpOpen) => setFilters({ ...filters, cfpOpen })} />{' '}
        <button type="button" disabled={shown.length === 0} onClick={() => downloadCalendar(shown, 'lcc-companion-conferences.ics')}>
          {t('conferencesExportAll')}
        </button>
      </form>
      {shown.length === 0 && <p class="empty">{t('conferencesEmpty')}</p>}
      {byMonth(shown).map(({ month, conferences: ofMonth }) => (
        <section key={month} class="month" aria-labelledby={`conferences-${month}`}>
          <h3 id={`conferences-${month}`}>{formatMonth(month)}</h3>
          <ul class="entries">
            {ofMonth.map((conference) => (
              <ConferenceEntry key={`${conference.url}-${conference.startsOn}`} conference={conference} today={today} />
            ))}
          </ul>
        </section>
      ))}
      {over.length > 0 && (
        <details class="past">
          <summary>{t('conferencesPast', over.length)}</summary>
          <ul class="entries">
            {over.map((conference) => (
              <ConferenceEntry key={`${conference.url}-${conference.startsOn}`} conference={conference} today={today} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
