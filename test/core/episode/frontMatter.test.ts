import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readFrontMatter, readSimpleFrontMatter } from '../../../src/core/episode/frontMatter';
import { corpusPresent, postFiles, readPost } from '../../support/corpus';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

describe('the front matter', () => {
  it.skipIf(!corpusPresent)('reads every post of the corpus as YAML does, most without the library', () => {
    let simple = 0;
    for (const file of postFiles()) {
      const text = FRONT_MATTER.exec(readPost(file))?.[1] ?? '';
      const fields = readSimpleFrontMatter(text);
      if (fields !== null) {
        simple += 1;
        expect(fields, file).toEqual(parseYaml(text));
      }
      expect(readFrontMatter(text), file).toEqual(parseYaml(text));
    }
    expect(simple).toBeGreaterThan(postFiles().length * 0.9);
  });

  it('leaves to the library what is more than key: value lines', () => {
    for (const text of [
      'title: x\ntweet: a b\n  c',
      'team:\n  - A\n  - B',
      'title: "a \\"b\\""',
      'title: x\ntitle: y',
      'episode: 012',
      'episode: 1e3',
      'published: true',
      'title: &anchor x',
      'key:value',
      '__proto__: x',
      'title: a: b',
    ]) {
      expect(readSimpleFrontMatter(text), text).toBeNull();
    }
    expect(() => readFrontMatter('title: x\ntitle: y')).toThrow();
    expect(readFrontMatter('tweet: a b\n  c')).toEqual({ tweet: 'a b c' });
    expect(readSimpleFrontMatter('tweet: Épisode #java #quarkus\n# a comment\nepisode: 12 # the number')).toEqual({
      tweet: 'Épisode',
      episode: 12,
    });
  });

  it('reads what it reads as YAML does', () => {
    // prettier-ignore
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('', "'it''s'", '"quoted"', "'a # b'", 'C#', 'a #b', 'a # b: c', '#x', 'LCC 340 - x', '42', '0', 'l\'voit', '{a}', '[b]', 'x:y', 'a - b', 'é', '~', 'null', 'yes'),
    );
    const line = fc
      .tuple(fc.constantFrom('title', 'author', 'episode', 'team', 'x_y', 'a-b'), value)
      .map(([key, text]) => `${key}: ${text}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(line, fc.constantFrom('', '# a comment')), { maxLength: 6 }), (lines) => {
        const text = lines.join('\n');
        const fields = readSimpleFrontMatter(text);
        if (fields !== null) expect(fields).toEqual(parseYaml(text) ?? {});
      }),
      { numRuns: 2000 },
    );
  });
});
