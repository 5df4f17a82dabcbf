/**
 * `npm run dev` (Chromium) or `npm run dev -- --firefox`: builds the extension, rebuilds it on
 * every change (vite's watch build), and runs it in Debian's browser with a fresh profile through
 * Mozilla's web-ext, which reloads the extension after each rebuild. Ctrl-C stops both.
 * `-- --headless` runs the browser without a window (a check that it starts, as CI could).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const firefox = process.argv.includes('--firefox');
const headless = process.argv.includes('--headless');
const dist = resolve(ROOT, firefox ? 'dist/firefox' : 'dist');
const bin = (name: string) => resolve(ROOT, 'node_modules/.bin', name);

const children: ChildProcess[] = [];
function run(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
  children.push(child);
  child.on('exit', (code) => {
    // One of the two ending (a build error, the browser closed) ends the other.
    stop();
    process.exitCode = code ?? 0;
  });
  return child;
}
function stop(): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

run(bin('vite'), ['build', '--watch', '--logLevel', 'warn', ...(firefox ? ['--mode', 'firefox'] : [])]);

/** The browser starts once the first build has written its manifest. */
function whenBuilt(start: () => void): void {
  const manifest = resolve(dist, 'manifest.json');
  if (existsSync(manifest)) return start();
  const watcher = watch(ROOT, { recursive: true }, () => {
    if (!existsSync(manifest)) return;
    watcher.close();
    start();
  });
}

whenBuilt(() => {
  const browserArgs = firefox
    ? ['--target', 'firefox-desktop', '--firefox', process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr']
    : ['--target', 'chromium', '--chromium-binary', process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'];
  const extraArgs = [
    ...(headless ? [firefox ? '--headless' : '--headless=new'] : []),
    // Chromium refuses to start its sandbox as root (a container, CI).
    ...(!firefox && process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ].map((arg) => `--arg=${arg}`);
  run(bin('web-ext'), ['run', '--source-dir', dist, ...browserArgs, ...extraArgs, '--start-url', 'https://lescastcodeurs.com/']);
});
