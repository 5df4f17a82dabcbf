/** An episode's conferences as one compact table (date, name, city, CfP deadline), not a hundred bare links. */
import { useEffect, useState } from 'preact/hooks';
import type { ConferenceItem } from '../src/episode/model';
import { afterNextPaint } from '../src/ui/afterNextPaint';
import { formatDay, t } from '../src/ui/i18n';
import { openLink } from './openLink';

const shortDay = (day: string | null) => (day ? formatDay(day) : '');

export function ConferenceTable({ conferences }: { conferences: ConferenceItem[] }) {
  // Below the links, so below the fold: drawn once the first frame is painted.
  const [drawn, setDrawn] = useState(false);
  useEffect(() => afterNextPaint(() => setDrawn(true)), []);
  if (conferences.length === 0 || !drawn) return null;
  return (
    <section class="conference-table" aria-labelledby="conferences-heading">
      <h2 id="conferences-heading">
        {t('viewConferences')} <span class="count">{conferences.length}</span>
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('conferenceColumnDate')}</th>
            <th scope="col">{t('conferenceColumnName')}</th>
            <th scope="col">{t('conferencesCity')}</th>
            <th scope="col">{t('conferenceColumnCfp')}</th>
          </tr>
        </thead>
        <tbody>
          {conferences.map((conference) => (
            <tr key={`${conference.url}-${conference.startsOn}`}>
              <td>
                {conference.startsOn === conference.endsOn
                  ? shortDay(conference.startsOn)
                  : t('conferenceDates', shortDay(conference.startsOn), shortDay(conference.endsOn))}
              </td>
              <td>
                <a href={conference.url} onClick={(event) => openLink(event, conference.url)}>
                  {conference.name}
                </a>
              </td>
              <td>{conference.city ?? (conference.online ? t('conferencesOnline') : '')}</td>
              <td>{shortDay(conference.cfp?.closesOn ?? null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
