/**
 * Every user-visible string goes through `_locales`: both languages hold the same keys, every key
 * the code or the manifest asks for exists, no key lies unused, and no text is written straight
 * into the UI code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const UI_FOLDERS = ['popup', 'options', 'src'];

function messages(language: string): Record<string, { message: string }> {
  return JSON.parse(readFileSync(join(ROOT, '_locales', language, 'messages.json'), 'utf8'));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const french = messages('fr');
const english = messages('en');
const sources = UI_FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder))).map((path) => ({
  path: path.slice(ROOT.length + 1),
  text: readFileSync(path, 'utf8'),
}));
const uiSources = sources.filter((source) => source.path.endsWith('.tsx'));
const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');

describe('the two languages', () => {
  it('hold the same keys, each with a message', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(french).sort());
    for (const [key, entry] of [...Object.entries(french), ...Object.entries(english)]) {
      expect(entry.message.trim(), key).not.toBe('');
    }
  });

  it('use the same $n substitutions in both languages', () => {
    const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();
    for (const key of Object.keys(french)) expect(placeholders(english[key]!.message), key).toEqual(placeholders(french[key]!.message));
  });

  it('hold every key the manifest and the code ask for, and no key left unused', () => {
    const asked = new Set([...manifest.matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!));
    for (const key of asked) expect(french, key).toHaveProperty(key);
    const code = sources.map((source) => source.text).join('\n');
    for (const key of Object.keys(french)) {
      const used = asked.has(key) || code.includes(`'${key}'`);
      expect(used, `${key} is never used`).toBe(true);
    }
  });
});

/** Text the UI writes as a literal instead of through t(…): JSX text, and user-visible attributes. */
function literalTexts(path: string, text: string): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}{2,}/u.test(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      /^(?:aria-label|title|placeholder|alt)$/.test(node.name.getText(file)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      /\p{L}{2,}/u.test(node.initializer.text)
    ) {
      found.push(node.getText(file));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('the UI code', () => {
  it.each(uiSources.map((source) => [source.path, source.text]))('%s writes no text that is not looked up', (path, text) => {
    expect(literalTexts(path, text)).toEqual([]);
  });

  it('is checked by a detector that does find literal text', () => {
    expect(literalTexts('x.tsx', '<p title="Bonjour">Salut {name}</p>')).toEqual(['title="Bonjour"', 'Salut']);
  });
});
