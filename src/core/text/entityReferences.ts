/**
 * CommonMark's reading of character references, with the table of named ones given: numeric
 * references (`&#233;`, `&#x2019;`) by their code point, named ones only with their `;` and
 * only where `named` knows them. Apart from `entities.ts`, whose full table (15 KB gzip) a page
 * with its own HTML parser does not need to load.
 */
const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,6});|#([0-9]{1,7});|([A-Za-z][A-Za-z0-9]{1,31});)/g;

/** A named reference's text, or undefined where no entity has that name. */
export type NamedEntities = (name: string) => string | undefined;

function codePointText(code: number): string {
  // NUL, surrogates and what is past Unicode read as the replacement character.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

export function decodeReferences(text: string, named: NamedEntities): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (reference, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (hex !== undefined) return codePointText(parseInt(hex, 16));
    if (decimal !== undefined) return codePointText(parseInt(decimal, 10));
    return named(name!) ?? reference;
  });
}
