/** The `conferences` command as people and scripts run it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

function conferences(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/conferences.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return {
    status: run.status,
    lines: run.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line)),
    errors: run.stderr.split('\n').filter(Boolean),
  };
}

describe('npm run conferences', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lcc-conferences-'));
  const first = join(dir, '2025-01-20-lcc-321-episode.md');
  const second = join(dir, '2019-01-14-lcc-202-episode.md');
  const notAPost = join(dir, 'notes.md');
  writeFileSync(
    first,
    '---\ntitle: LCC 321\nepisode: 321\n---\n## Conférences\n\n- 22-25 janvier 2025 : [SnowCamp 2025](https://snowcamp.io/) - Grenoble (France) <a href="https://cfp.example/"><img alt="CFP SnowCamp" src="https://img.shields.io/static/v1?label=CFP&message=until%2015-October-2024"></a>\n',
  );
  writeFileSync(
    second,
    '---\ntitle: LCC 202\nepisode: 202\n---\n## Conférences\n\n[Snowcamp du 23 au 26 Janvier 2019](https://snowcamp.io/fr/)  \n[Devoxx France le 19-20 avril](https://www.devoxx.fr/)\n',
  );
  writeFileSync(notAPost, 'no front matter');

  it('prints one JSON line per conference item, in argument order, and exits 0', () => {
    const run = conferences(first, second);
    expect(run.status).toBe(0);
    expect(run.lines).toEqual([
      {
        episodeId: 'lcc-321',
        name: 'SnowCamp 2025',
        url: 'https://snowcamp.io/',
        startsOn: '2025-01-22',
        endsOn: '2025-01-25',
        city: 'Grenoble',
        country: 'France',
        online: false,
        cfp: { url: 'https://cfp.example/', closesOn: '2024-10-15' },
      },
      expect.objectContaining({
        episodeId: 'lcc-202',
        name: 'Snowcamp du 23 au 26 Janvier 2019',
        startsOn: '2019-01-23',
        endsOn: '2019-01-26',
      }),
      expect.objectContaining({ episodeId: 'lcc-202', name: 'Devoxx France le 19-20 avril', startsOn: null, endsOn: null }),
    ]);
  });

  it('gives a one-line reason for a bad file, prints the others, and exits 1', () => {
    const run = conferences(notAPost, first);
    expect(run.status).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/^.*notes\.md: /);
    expect(run.lines).toHaveLength(1);
  });
});
