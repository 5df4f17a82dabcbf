/** The Firefox build, as Mozilla's own linter (web-ext lint, the add-ons store's checks) sees it. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const FIREFOX_DIST = resolve(ROOT, 'dist/firefox');

interface LintReport {
  count: number;
  summary: { errors: number; notices: number; warnings: number };
  errors: { code: string; message: string }[];
  warnings: { code: string; message: string; file?: string }[];
}

describe('the Firefox build', () => {
  it('has an event page background and Gecko settings', () => {
    const manifest = JSON.parse(readFileSync(resolve(FIREFOX_DIST, 'manifest.json'), 'utf8'));
    expect(manifest.background.scripts).toHaveLength(1);
    expect(manifest.background.service_worker).toBeUndefined();
    expect(manifest.browser_specific_settings.gecko).toMatchObject({ id: expect.stringContaining('@'), strict_min_version: '142.0' });
  });

  it('passes web-ext lint with 0 errors and 0 warnings', () => {
    const run = spawnSync(
      resolve(ROOT, 'node_modules/.bin/web-ext'),
      ['lint', '--source-dir', FIREFOX_DIST, '--self-hosted=false', '--output=json'],
      {
        encoding: 'utf8',
      },
    );
    const report = JSON.parse(run.stdout) as LintReport;
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, notices: 0, warnings: 0 });
  });
});
