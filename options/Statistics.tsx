import { useMemo } from 'preact/hooks';
import { listeningStats, type JournalEntry } from '../src/journal/journal';
import { formatNumber, plural, t, uiLanguage } from '../src/ui/i18n';
import { BarChart } from './BarChart';

function shortMonth(month: string): string {
  const [year, index] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(uiLanguage(), { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(year!, index! - 1, 1)));
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
            {t('hoursValue', formatNumber(stats.estimatedHours, uiLanguage(), { maximumFractionDigits: 1 }))}
            {stats.episodesWithoutSize > 0 && <span class="hint"> {t('statsHoursHint', stats.episodesWithoutSize)}</span>}
          </dd>
        </div>
      </dl>
      {stats.total > 0 && (
        <>
          <BarChart
            caption={t('statsPerMonth')}
            bars={stats.lastTwelveMonths.map((month) => ({ label: shortMonth(month.month), value: month.count }))}
          />
          <BarChart caption={t('statsPerYear')} bars={stats.perYear.map((year) => ({ label: year.year, value: year.count }))} />
        </>
      )}
    </div>
  );
}
