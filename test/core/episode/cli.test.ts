/** The `parse` command as people and scripts run it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

function parse(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, lines: run.stdout.split('\n').filter(Boolean), errors: run.stderr.split('\n').filter(Boolean) };
}

describe('npm run parse', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lcc-parse-'));
  const first = join(dir, '2021-09-02-lcc-262-interview.md');
  const second = join(dir, '2012-12-04-nouveau-logo.md');
  const notAPost = join(dir, '2012-12-05-notes.md');
  const page = join(dir, '2026-05-12-lcc-340-episode.html');
  writeFileSync(first, '---\ntitle: LCC 262 - Interview\nepisode: 262\n---\n## Interview\n');
  writeFileSync(second, '---\ntitle: Un nouveau logo\n---\nTexte');
  writeFileSync(notAPost, 'no front matter');
  writeFileSync(
    page,
    '<html><body><article class="post"><h1 class="post-title">LCC 340</h1><div class="post-content"><h2 id="news">News</h2></div></article></body></html>',
  );

  it('prints one JSON line per post, in argument order, and exits 0', () => {
    const run = parse(first, second);
    expect(run.status).toBe(0);
    expect(run.errors).toEqual([]);
    expect(run.lines.map((line) => JSON.parse(line).id)).toEqual(['lcc-262', 'nouveau-logo']);
  });

  it('gives a one-line reason for each bad file, prints the others, and exits 1', () => {
    const run = parse(first, notAPost, join(dir, 'missing.md'), second);
    expect(run.status).toBe(1);
    expect(run.lines.map((line) => JSON.parse(line).id)).toEqual(['lcc-262', 'nouveau-logo']);
    expect(run.errors).toHaveLength(2);
    expect(run.errors[0]).toContain('no front matter');
    expect(run.errors[1]).toContain('missing.md');
  });

  it('parses rendered pages with --page', () => {
    const run = parse('--page', page, first);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.lines[0]!)).toMatchObject({
      url: 'https://lescastcodeurs.com/2026/05/12/lcc-340-episode/',
      outline: [{ id: 'news', title: 'News' }],
    });
    expect(run.errors).toEqual([expect.stringContaining('no article.post')]);
  });
});
