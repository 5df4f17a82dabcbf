/**
 * Small copies a page keeps in localStorage to draw its first frame without waiting for the
 * database (settings, the journal's entries). The database stays the source of truth: a copy
 * that is missing, unreadable or cannot be written only makes the first frame wait.
 */
import type * as v from 'valibot';
import { readRecord } from '../core/records';

/** The copy kept under `key`, if there is one and it still has the shape `schema` checks. */
export function readLocalCopy<T>(key: string, schema: v.GenericSchema<unknown, T>): T | null {
  try {
    const saved = localStorage.getItem(key);
    return saved === null ? null : readRecord(schema, JSON.parse(saved));
  } catch {
    return null;
  }
}

export function keepLocalCopy(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // No room or no storage: the next page waits for the database, nothing is lost.
  }
}
