/**
 * The core as it ships: bundled and minified by Vite like the extension, then imported, so that
 * the figures are those of the extension's code and not of a development transpiler.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

export async function importShipped<T>(entry: string): Promise<T> {
  const outDir = mkdtempSync(join(tmpdir(), 'lcc-bench-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir,
      minify: process.env.BENCH_MINIFY !== "0",
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: 'bundle' },
      rollupOptions: { external: [/^node:/] },
    },
  });
  return (await import(pathToFileURL(join(outDir, 'bundle.js')).href)) as T;
}
