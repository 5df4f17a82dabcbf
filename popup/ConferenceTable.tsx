/** An episode's conferences as one compact table (date, name, city, CfP deadline), not a hundred bare links. */
import { useEffect, useState } from 'preact/hooks';
import type { ConferenceItem } from '../src/core/conferences/conference';
import { afterNextPaint } from '../src/ui/afterNextPaint';
import { formatShortDay, t } from '../src/ui/i18n';
import { localToday } from '../src/core/text/dates';
import { openLink } from './openLink';

/** The dates of a conference in a narrow column, with the year: "22 janv. 2026", "22 – 25 janv. 2026", "30 sept. – 1 oct. 2026". */
function dates({ startsOn, endsOn }: ConferenceItem): string {
  if (!startsOn || !endsOn) return '';
  if (startsOn === endsOn) return formatShortDay(startsOn);
  if (startsOn.slice(0, 7) === endsOn.slice(0, 7)) return `${Number(startsOn.slice(8))} – ${formatShortDay(endsOn)}`;
  return `${formatShortDay(startsOn, startsOn.slice(0, 4) !== endsOn.slice(0, 4))} – ${formatShortDay(endsOn)}`;
}

/** Over once its last day is past (one without dates is never said to be). */
const isOver = (conference: ConferenceItem, today: string) => conference.endsOn !== null && conference.endsOn < today;

function Rows({ conferences, today }: { conferences: ConferenceItem[]; today: string }) {
  return (
    <tbody>
      {conferences.map((conference) => {
        const closesOn = conference.cfp?.closesOn;
        return (
          <tr key={`${conference.url}-${conference.startsOn}`}>
            <td>{dates(conference)}</td>
            <td>
              <a href={conference.url} onClick={(event) => openLink(event, conference.url)}>
                {conference.name}
              </a>
            </td>
            <td>{conference.city ?? (conference.online ? t('conferencesOnline') : '')}</td>
            <td class={closesOn && closesOn < today ? 'cfp-closed' : undefined}>{closesOn ? formatShortDay(closesOn) : ''}</td>
          </tr>
        );
      })}
    </tbody>
  );
}

function Head() {
  return (
    <thead>
      <tr>
        <th scope="col">{t('conferenceColumnDate')}</th>
        <th scope="col">{t('conferenceColumnName')}</th>
        <th scope="col">{t('conferencesCity')}</th>
        <th scope="col">{t('conferenceColumnCfp')}</th>
      </tr>
    </thead>
  );
}

export function ConferenceTable({ conferences }: { conferences: ConferenceItem[] }) {
  // Below the links, so below the fold: drawn once the first frame is painted.
  const [drawn, setDrawn] = useState(false);
  useEffect(() => afterNextPaint(() => setDrawn(true)), []);
  if (conferences.length === 0 || !drawn) return null;
  const today = localToday();
  // Those to come first; those over folded below them, a CfP closed in grey.
  const coming = conferences.filter((conference) => !isOver(conference, today));
  const past = conferences.filter((conference) => isOver(conference, today));
  return (
    <section class="conference-table" aria-labelledby="conferences-heading">
      <h2 id="conferences-heading">
        {t('viewConferences')} <span class="count">{conferences.length}</span>
      </h2>
      <table>
        <Head />
        <Rows conferences={coming} today={today} />
      </table>
      {past.length > 0 && (
        <details class="conferences-past">
          <summary>{t('conferencesPast', past.length)}</summary>
          <table>
            <Head />
            <Rows conferences={past} today={today} />
          </table>
        </details>
      )}
    </section>
  );
}
