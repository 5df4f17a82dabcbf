/**
 * Small copies a page keeps in localStorage to draw its first frame without waiting for the
 * database (settings, the journal's entries). The database stays the source of truth: a copy
 * that is missing, unreadable or cannot be written only makes the first frame wait.
 */
export function readLocalCopy<T>(key: string): T | null {
  try {
    const saved = localStorage.getItem(key);
    return saved === null ? null : (JSON.parse(saved) as T);
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
