/** A stand-in for `storage.local` in Node: what the gPodder sync keeps there, copied in and out as the browser does. */
import type { KeyValueArea } from '../../src/platform/gpodder/sync';

export function memoryArea(): KeyValueArea & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    get: (keys) =>
      Promise.resolve(Object.fromEntries(keys.filter((key) => items.has(key)).map((key) => [key, structuredClone(items.get(key))]))),
    set: (values) => Promise.resolve(void Object.entries(values).forEach(([key, value]) => items.set(key, structuredClone(value)))),
    remove: (keys) => Promise.resolve(void keys.forEach((key) => items.delete(key))),
  };
}
