/**
 * Small copies a page keeps in localStorage to draw its first frame without waiting for the
 * database (settings, the journal's entries). The database stays the source of truth: a copy
 * that is missing, unreadable or cannot be written only makes the first frame wait.
 */
import * as v from 'valibot';
import { readRecord } from '../core/records';

/**
 * The build and page that kept a copy: the address of the page's script. In the build it is a
 * file named by the hash of its content, which names every file it loads by theirs: the same
 * address means the same code, so the same schemas. A copy this very page of this very build
 * kept is drawn as it is, unchecked (checking the journal's 340 entries took 2-4 ms of its first
 * frame); one kept before an update, or by the other page, is checked first.
 */
const THIS_PAGE: string | null = globalThis.document?.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src ?? null;

const keptCopySchema = v.object({ keptBy: v.nullable(v.string()), copy: v.unknown() });

function readKept(key: string): v.InferOutput<typeof keptCopySchema> | null {
  const saved = localStorage.getItem(key);
  return saved === null ? null : readRecord(keptCopySchema, JSON.parse(saved));
}

/** The copy kept under `key`, if there is one and it still has the shape `schema` checks. */
export function readLocalCopy<T>(key: string, schema: v.GenericSchema<unknown, T>): T | null {
  try {
    const kept = readKept(key);
    if (!kept) return null;
    return THIS_PAGE !== null && kept.keptBy === THIS_PAGE ? (kept.copy as T) : readRecord(schema, kept.copy);
  } catch {
    return null;
  }
}

export function keepLocalCopy<T>(key: string, copy: T): void {
  try {
    localStorage.setItem(key, JSON.stringify({ keptBy: THIS_PAGE, copy }));
  } catch {
    // No room or no storage: the next page waits for the database, nothing is lost.
  }
}

/**
 * Changes the copy kept under `key` (read with `schema`, which may check only what `change`
 * needs) and keeps it as the page that kept it: items taken out of a copy leave the others as
 * sure as they were.
 */
export function changeLocalCopy<T>(key: string, schema: v.GenericSchema<unknown, T>, change: (copy: T) => T): void {
  try {
    const kept = readKept(key);
    const copy = kept && readRecord(schema, kept.copy);
    if (!kept || copy === null) return;
    const changed = change(copy);
    if (changed !== copy) localStorage.setItem(key, JSON.stringify({ keptBy: kept.keptBy, copy: changed }));
  } catch {
    // As when keeping it: the copy stays as it was, and a popup drawn from it is corrected a frame later.
  }
}
