/**
 * `npm run package`: the two store zips in dist/packages, from the builds `npm run build` made
 * (Chrome in dist/, Firefox in dist/firefox), with web-ext's packer.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const webExt = new URL('../node_modules/.bin/web-ext', import.meta.url).pathname;

rmSync('dist/packages', { recursive: true, force: true });
for (const [browser, sourceDir, ignored] of [
  ['chrome', 'dist', ['firefox', 'packages']],
  ['firefox', 'dist/firefox', []],
] as const) {
  execFileSync(
    webExt,
    [
      'build',
      '--source-dir',
      sourceDir,
      '--artifacts-dir',
      'dist/packages',
      '--filename',
      `lcc-companion-${browser}-${version}.zip`,
      '--overwrite-dest',
      ...(ignored.length > 0 ? ['--ignore-files', ...ignored] : []),
    ],
    { stdio: 'inherit' },
  );
}
