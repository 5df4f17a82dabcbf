/** What an import will change, before anything is written: counts, merge or replace, apply or cancel. */
import type { ImportMode, ImportPlan } from '../src/core/formats/exportFile';
import { t } from '../src/ui/i18n';

export function ImportPreview({
  step,
  setMode,
  apply,
  cancel,
}: {
  step: { mode: ImportMode; plan: ImportPlan };
  setMode: (mode: ImportMode) => void;
  apply: () => void;
  cancel: () => void;
}) {
  const { counts } = step.plan;
  return (
    <section class="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">{t('importPreviewTitle')}</h3>
      <fieldset>
        <legend>{t('importModeLegend')}</legend>
        {(['merge', 'replace'] as const).map((mode) => (
          <label key={mode}>
            <input type="radio" name="import-mode" checked={step.mode === mode} onChange={() => setMode(mode)} />
            {t(mode === 'merge' ? 'importModeMerge' : 'importModeReplace')}
          </label>
        ))}
      </fieldset>
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
