/** Copying to the clipboard, and which copy (a link's index, or all) just succeeded or failed. */
import { useState } from 'preact/hooks';
import { reportError } from '../src/errors';

export type CopyKey = number | 'all';
export type CopyState = { key: CopyKey; ok: boolean } | null;

/** How long "copied" shows before the button is back to its idle look. */
const SHOWN_FOR_MS = 1500;

export function useCopy() {
  const [copied, setCopied] = useState<CopyState>(null);
  /** Copies `text`; the result shows on the button a moment, and a failure is reported. */
  const copy = (key: CopyKey, text: string): void => {
    const shown = (ok: boolean) => {
      setCopied({ key, ok });
      setTimeout(() => setCopied((current) => (current?.key === key ? null : current)), SHOWN_FOR_MS);
    };
    navigator.clipboard.writeText(text).then(
      () => shown(true),
      (error: unknown) => {
        reportError('copying to the clipboard', error);
        shown(false);
      },
    );
  };
  return { copied, copy };
}
