/** A small icon button that copies, with its name for screen readers and a tooltip. */
import { t } from '../src/ui/i18n';
import { IconButton } from '../src/ui/IconButton';
import type { CopyState } from './useCopy';

export function CopyButton({ state, label, onCopy }: { state: CopyState | 'idle'; label: string; onCopy: () => void }) {
  const name = state === 'idle' ? label : state?.ok ? t('copied') : t('copyFailed');
  return (
    <IconButton label={name} onClick={onCopy}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        {state !== 'idle' && state?.ok ? (
          <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
        ) : (
          <>
            <rect x="5" y="5" width="8.5" height="9" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5" />
            <path d="M3 10.5V3.5A1.5 1.5 0 0 1 4.5 2H10" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
          </>
        )}
      </svg>
    </IconButton>
  );
}
