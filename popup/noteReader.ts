/**
 * What drawing a saved note needs, loaded only when there is one (see ListeningActions.tsx).
 * Named entities are read by the page's own HTML parser, which knows every one HTML names,
 * rather than by a 15 KB table loaded with it.
 */
import { noteNodes as nodesOf, type NoteNode } from '../src/core/log/note';

export { NoteView } from '../src/ui/NoteView';

const parser = new DOMParser();
const named = new Map<string, string | undefined>();

/** The text of `&name;` (a name of letters and digits alone), read in a title, which holds text only. */
function namedEntity(name: string): string | undefined {
  if (!named.has(name)) {
    const text = parser.parseFromString(`<title>&${name};</title>`, 'text/html').querySelector('title')?.textContent ?? '';
    // HTML also reads a known prefix (`&notit;` as "¬it;"): an entity whose whole name it knows takes its `;`.
    named.set(name, text === `&${name};` || (text.endsWith(';') && name !== 'semi') ? undefined : text);
  }
  return named.get(name);
}

export function noteNodes(markdown: string): NoteNode[] {
  return nodesOf(markdown, namedEntity);
}
