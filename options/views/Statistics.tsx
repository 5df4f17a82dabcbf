import { useMemo } from 'preact/hooks';
import { listeningStats, playedTimeStats, type JournalEntry } from '../../src/core/log/journal';
import { listListenedTime } from '../../src/platform/storage/playback';
import { formatMonth, formatNumber, plural, t, uiLanguage } from '../../src/ui/i18n';
import { useStoredRead } from '../../src/ui/useStoredRead';
import { BarChart } from '../BarChart';

const hours = (value: number) => formatNumber(value, uiLanguage(), { maximumFractionDigits: 1 });

async function readPlayedTime() {
  return playedTimeStats((await listListenedTime()).records, new Date());
}

/** The time really played, in the extension's player and in the apps that sync through gPodder, beside the estimate of the episodes marked. */
function PlayedTime() {
  const played = useStoredRead(readPlayedTime, { doing: 'reading the time played', readAgainOn: (change) => change.playback === true });
  if (!played || played.wallHours === 0) return null;
  return (
    <>
      <dl class="figures">
        <div>
          <dt>{t('statsPlayed')}</dt>
          <dd>{t('statsPlayedValue', t('hoursValue', hours(played.wallHours)), t('hoursValue', hours(played.contentHours)))}</dd>
        </div>
      </dl>
      <BarChart
        caption={t('statsPlayedPerMonth')}
        format={hours}
        bars={played.lastTwelveMonths.map((month) => ({ label: formatMonth(month.month, true), value: month.wallHours }))}
      />
      <BarChart
        caption={t('statsPlayedPerYear')}
        format={hours}
        bars={played.perYear.map((year) => ({ label: year.year, value: year.wallHours }))}
      />
    </>
  );
}

export function Statistics({ entries }: { entries: JournalEntry[] }) {
  const stats = useMemo(() => listeningStats(entries, new Date()), [entries]);
  return (
    <div class="stats">
      <dl class="figures">
        <div>
          <dt>{t('statsTotal')}</dt>
          <dd>{formatNumber(stats.total)}</dd>
        </div>
        <div>
          <dt>{t('statsStreak')}</dt>
          <dd>{plural({ one: 'monthCountOne', other: 'monthCountOther' }, stats.monthStreak)}</dd>
        </div>
        <div>
          <dt>{t('statsHours')}</dt>
          <dd>
            {t('hoursValue', hours(stats.estimatedHours))}
            {stats.episodesWithoutSize > 0 && <span class="hint"> {t('statsHoursHint', stats.episodesWithoutSize)}</span>}
          </dd>
        </div>
      </dl>
      {stats.total > 0 && (
        <>
          <BarChart
            caption={t('statsPerMonth')}
            bars={stats.lastTwelveMonths.map((month) => ({ label: formatMonth(month.month, true), value: month.count }))}
          />
          <BarChart caption={t('statsPerYear')} bars={stats.perYear.map((year) => ({ label: year.year, value: year.count }))} />
        </>
      )}
      <PlayedTime />
    </div>
  );
}
