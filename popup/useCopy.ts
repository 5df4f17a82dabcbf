/** Copying to the clipboard, and which copy (a link's index, or all) just succeeded or failed. */
import { useState } from 'preact/hooks';
import { reportError } from '../src/errors';

export type CopyKey = number | 'all';
export type CopyState = { key: CopyKey; ok: boolean } | null;

/** How long "copied" shows before the button is back to its idle look. */
const SHOWN_FOR_MS = 1500;

export function useCopy() {
  const [copied, setCopied] = useState<CopyState>(null);
  const copy = async (key: CopyKey, text: string) => {
    let ok = true;
    try {
      await navigator.clipboard.writeText(text);
    } catch (error) {
      reportError('copying to the clipboard', error);
      ok = false;
    }
    setCopied({ key, ok });
    setTimeout(() => setCopied((current) => (current?.key === key ? null : current)), SHOWN_FOR_MS);
  };
  return { copied, copy };
}
