/**
 * The core as it ships: bundled and minified by Vite like the extension, and run in a plain Node
 * process, since a development loader (tsx) would transform the bundle again on import and the
 * figures would no longer be those of the extension's code.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

async function bundle(entry: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'lcc-bench-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir,
      minify: true,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: 'bundle' },
      rollupOptions: { external: [/^node:/] },
    },
  });
  return join(outDir, 'bundle.js');
}

/** Calls `exported(...args)` of the bundled `entry` in a plain Node process; returns its JSON result. */
export async function runShipped<T>(entry: string, exported: string, ...args: unknown[]): Promise<T> {
  const url = pathToFileURL(await bundle(entry)).href;
  const script = `const m = await import(${JSON.stringify(url)}); process.stdout.write(JSON.stringify(await m[${JSON.stringify(exported)}](...${JSON.stringify(args)})));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output) as T;
}
