/**
 * `npm run package`: the two store zips in dist/packages, from the builds `npm run build` made
 * (Chrome in dist/, Firefox in dist/firefox), with web-ext's packer. Each build is checked
 * before it is packed: its manifest names this version, it holds no source map and no image
 * from the site (the show's logo is not ours to ship), and it stays under the size a store takes.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const webExt = new URL('../node_modules/.bin/web-ext', import.meta.url).pathname;
/** Far above the build (under 1 MB, sql.js's wasm the most of it), far under the stores' limits. */
const MAX_BYTES = 5 * 1024 * 1024;

function filesOf(dir: string, ignored: readonly string[]): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => !ignored.some((top) => path === top || path.startsWith(`${top}/`)))
    .filter((path) => statSync(join(dir, path)).isFile());
}

/** Why a build may not be packed, or nothing. */
function problemsOf(dir: string, ignored: readonly string[]): string[] {
  const files = filesOf(dir, ignored);
  const problems: string[] = [];
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version?: string; manifest_version?: number };
  if (manifest.version !== version) problems.push(`manifest version ${manifest.version} is not ${version}`);
  if (manifest.manifest_version !== 3) problems.push('not a manifest version 3');
  for (const file of files) {
    if (file.endsWith('.map') || readFileSync(join(dir, file), 'latin1').includes('sourceMappingURL='))
      problems.push(`source map: ${file}`);
    if (/\.(?:png|jpe?g|svg|webp|gif)$/i.test(file) && !file.startsWith('icons/'))
      problems.push(`image not of the extension's icons: ${file}`);
  }
  const bytes = files.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
  if (bytes > MAX_BYTES) problems.push(`${bytes} bytes, over ${MAX_BYTES}`);
  return problems;
}

rmSync('dist/packages', { recursive: true, force: true });
for (const [browser, sourceDir, ignored] of [
  ['chrome', 'dist', ['firefox', 'packages']],
  ['firefox', 'dist/firefox', []],
] as const) {
  const problems = problemsOf(sourceDir, ignored);
  if (problems.length > 0) {
    console.error(`${browser}: not packed:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`${browser}: ${filesOf(sourceDir, ignored).length} files checked in ${relative('.', sourceDir) || '.'}`);
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
