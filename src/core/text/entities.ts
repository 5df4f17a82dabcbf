/**
 * HTML entities in markdown and its raw HTML, decoded as the site's pages show them, with the
 * `entities` library's tables (every entity HTML names). A module of its own: those tables are
 * for the parsers, not for the pages that never decode entities.
 */
import { decodeHTMLAttribute, decodeHTMLStrict } from 'entities';

/**
 * Decodes the HTML entities markdown leaves in text and URLs (`&amp;` → `&`, `&gg;` → `≫`): every
 * entity HTML names, and only with its `;`, as CommonMark reads them.
 */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}

/** The text of the entity `&name;`, or undefined where HTML names none so. */
export function namedEntity(name: string): string | undefined {
  const reference = `&${name};`;
  const text = decodeHTMLStrict(reference);
  return text === reference ? undefined : text;
}

/** An attribute value of raw HTML as a browser reads it: old entities without `;` too (`&GT`). */
export function decodeHtmlAttribute(value: string): string {
  return value.includes('&') ? decodeHTMLAttribute(value) : value;
}
