/**
 * A post's front matter. Almost every one is a few `key: value` lines, which the YAML library
 * reads in a tenth of a post's whole parse (its lexer, parser and composer for six lines): those
 * are read here, the same as YAML reads them, comments included, and anything else (a value over
 * two lines, a list, an escape, a number that is not a plain integer, a key twice) goes to the library.
 */
import { parse as parseYaml } from 'yaml';

const LINE = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*?))?[ \t]*$/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
/** A plain scalar YAML reads as a string: no indicator first, no `: ` inside. */
const PLAIN_TEXT = /^(?![-?:,[\]{}#&*!|>'"%@`])(?!.*(?::\s|:$))[^\t]+$/;
/** What follows a `#` after a space is a comment: `tweet: Épisode #java #quarkus` is "Épisode". */
const COMMENT = /[ \t]#.*$/;
const PLAIN_INTEGER = /^(?:0|[1-9]\d{0,14})$/;
/** Plain scalars YAML's core schema reads as something other than text, or may. */
const TYPED_SCALAR = /^(?:[-+]?\.?\d|\.(?:inf|nan)|~$|(?:true|false|null)$)/i;

function simpleValue(value: string | undefined): { value: unknown } | null {
  if (value === undefined || value === '') return { value: null };
  const single = SINGLE_QUOTED.exec(value);
  if (single) return { value: single[1]!.replaceAll("''", "'") };
  const double = DOUBLE_QUOTED.exec(value);
  if (double) return { value: double[1] };
  const plain = value.replace(COMMENT, '').trimEnd();
  if (!PLAIN_TEXT.test(plain)) return null;
  if (PLAIN_INTEGER.test(plain)) return { value: Number(plain) };
  return TYPED_SCALAR.test(plain) ? null : { value: plain };
}

/** The `key: value` lines read as YAML reads them, or null where they are not only such lines. */
export function readSimpleFrontMatter(text: string): Record<string, unknown> | null {
  const fields: Record<string, unknown> = {};
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const match = LINE.exec(line);
    // A key twice is an error YAML names; `__proto__` would be no field of a plain object.
    if (!match || Object.hasOwn(fields, match[1]!) || match[1] === '__proto__') return null;
    const read = simpleValue(match[2]);
    if (!read) return null;
    fields[match[1]!] = read.value;
  }
  return fields;
}

/** The front matter's value as YAML reads it; throws as the YAML library does. */
export function readFrontMatter(text: string): unknown {
  return readSimpleFrontMatter(text) ?? parseYaml(text);
}
