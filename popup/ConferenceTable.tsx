/** An episode's conferences as one compact table (date, name, city, CfP deadline), not a hundred bare links. */
import { useEffect, useState } from 'preact/hooks';
import type { ConferenceItem } from '../src/core/conferences/conference';
import { afterNextPaint } from '../src/ui/afterNextPaint';
import { formatShortDay, t } from '../src/ui/i18n';
import { openLink } from './openLink';

/** The dates of a conference in a narrow column: "22 janv.", "22 – 25 janv.", "30 sept. – 1 oct.". */
function dates({ startsOn, endsOn }: ConferenceItem): string {
  if (!startsOn || !endsOn) return '';
  if (startsOn === endsOn) return formatShortDay(startsOn, false);
  if (startsOn.slice(0, 7) === endsOn.slice(0, 7)) return `${Number(startsOn.slice(8))} – ${formatShortDay(endsOn, false)}`;
  return `${formatShortDay(startsOn, false)} – ${formatShortDay(endsOn, false)}`;
}

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
              <td>{dates(conference)}</td>
              <td>
                <a href={conference.url} onClick={(event) => openLink(event, conference.url)}>
                  {conference.name}
                </a>
              </td>
              <td>{conference.city ?? (conference.online ? t('conferencesOnline') : '')}</td>
              <td>{conference.cfp?.closesOn ? formatShortDay(conference.cfp.closesOn) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
