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
import { formatDay, formatMonth, formatShortDay, t } from '../../src/ui/i18n';
import { downloadFile } from '../downloadFile';
import { Switch } from '../../src/ui/Switch';
import { Select } from '../../src/ui/Select';
import { IconButton } from '../../src/ui/IconButton';
import { Icon } from '../../src/ui/Icon';
import { CalendarPlus } from 'lucide';

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

/** `past`: in the folded list of past ones, which spans years, so that its days carry theirs. */
function ConferenceEntry({ conference, today, past = false }: { conference: Conference; today: string; past?: boolean }) {
  const daysLeft = cfpDaysLeft(conference, today);
  const place = [
    conference.city && `${conference.city}${conference.country ? ` (${conference.country})` : ''}`,
    conference.online && t('conferencesOnline'),
  ]
    .filter(Boolean)
    .join(' & ');
  const ranges = conference.startsOn !== conference.endsOn;
  return (
    <li class="row conference">
      <span class="conference-day">{formatShortDay(conference.startsOn!, past)}</span>
      <span class="row-main">
        <span class="row-heading">
          <a class="conference-name" href={conference.url} target="_blank" rel="noopener noreferrer">
            {conference.name}
          </a>
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
        </span>
        <span class="row-meta">
          {ranges && <span class="when">{t('conferenceUntil', formatShortDay(conference.endsOn!, false))}</span>}
          {place && <span class="place">{place}</span>}
        </span>
      </span>
      <IconButton
        label={t('conferencesAddToCalendarOf', conference.name)}
        onClick={() => downloadCalendar([conference], fileName(conference))}
      >
        <Icon node={CalendarPlus} size={22} />
      </IconButton>
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
  const anyPlace = { value: '', label: t('conferencesAnyPlace') };

  return (
    <div class="conferences">
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <Select
          label={t('conferencesCountry')}
          value={filters.country ?? ''}
          options={[anyPlace, ...countries.map((country) => ({ value: country, label: country }))]}
          onChange={(country) => setFilters({ ...filters, country: country || null, city: null })}
        />
        <Select
          label={t('conferencesCity')}
          value={filters.city ?? ''}
          options={[anyPlace, ...cities(filters.country).map((city) => ({ value: city, label: city }))]}
          onChange={(city) => setFilters({ ...filters, city: city || null })}
        />
        <Switch label={t('conferencesCfpOpen')} checked={filters.cfpOpen} onChange={(cfpOpen) => setFilters({ ...filters, cfpOpen })} />
        <button type="button" disabled={shown.length === 0} onClick={() => downloadCalendar(shown, 'lcc-companion-conferences.ics')}>
          {t('conferencesExportAll')}
        </button>
      </form>
      {shown.length === 0 && <p class="empty">{t('conferencesEmpty')}</p>}
      {byMonth(shown).map(({ month, conferences: ofMonth }) => (
        <section key={month} class="month" aria-labelledby={`conferences-${month}`}>
          <h3 id={`conferences-${month}`}>{formatMonth(month)}</h3>
          <ul class="rows">
            {ofMonth.map((conference) => (
              <ConferenceEntry key={`${conference.url}-${conference.startsOn}`} conference={conference} today={today} />
            ))}
          </ul>
        </section>
      ))}
      {over.length > 0 && (
        <details class="past">
          <summary>{t('conferencesPast', over.length)}</summary>
          <ul class="rows">
            {over.map((conference) => (
              <ConferenceEntry key={`${conference.url}-${conference.startsOn}`} conference={conference} today={today} past />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
