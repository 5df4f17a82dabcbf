/** What an import will change, before anything is written: counts, merge or replace, apply or cancel. */
import type { ImportMode, ImportPlan } from '../src/core/formats/exportFile';
import { PODCAST_APPS, type AppImportSummary, type PodcastApp } from '../src/core/formats/appHistory';
import { t } from '../src/ui/i18n';
import { SegmentedControl } from '../src/ui/SegmentedControl';

/** What a podcast app's history brings, said before the counts of what changes. */
export type AppSummary = AppImportSummary & { app: PodcastApp };

function AppHistoryCounts({ summary }: { summary: AppSummary }) {
  return (
    <>
      <p>{t('importFromApp', PODCAST_APPS[summary.app])}</p>
      <ul class="preview-counts">
        <li>{t('importAppListened', summary.listened, summary.undated)}</li>
        <li>{t('importAppPositions', summary.positions)}</li>
        <li>{t('importAppFavourites', summary.favourites)}</li>
        <li>{t('importAppQueued', summary.queued)}</li>
        <li>{t('importAppOtherPodcasts', summary.otherPodcasts)}</li>
        {summary.unknown > 0 && <li>{t('importAppUnknown', summary.unknown)}</li>}
      </ul>
    </>
  );
}

export function ImportPreview({
  step,
  setMode,
  apply,
  cancel,
}: {
  step: { mode: ImportMode; plan: ImportPlan; summary: AppSummary | null };
  setMode: (mode: ImportMode) => void;
  apply: () => void;
  cancel: () => void;
}) {
  const { counts } = step.plan;
  return (
    <section class="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">{t('importPreviewTitle')}</h3>
      {step.summary && <AppHistoryCounts summary={step.summary} />}
      <SegmentedControl
        legend={t('importModeLegend')}
        name="import-mode"
        segments={[
          { value: 'merge', label: t('importModeMerge') },
          { value: 'replace', label: t('importModeReplace') },
        ]}
        value={step.mode}
        onChange={setMode}
      />
      <ul class="preview-counts">
        <li>{t('importNewStates', counts.newStates)}</li>
        <li>{t('importChangedStates', counts.changedStates)}</li>
        <li>{t('importNewEvents', counts.newEvents)}</li>
        <li>{t('importNewEpisodes', counts.newEpisodes)}</li>
        {step.mode === 'replace' && <li>{t('importRemovedStates', counts.removedStates)}</li>}
        {step.plan.settings && <li>{t('importSettingsReplaced')}</li>}
      </ul>
      <button type="button" class="primary" onClick={apply}>
        {t('importApply')}
      </button>{' '}
      <button type="button" onClick={cancel}>
        {t('cancel')}
      </button>
    </section>
  );
}
