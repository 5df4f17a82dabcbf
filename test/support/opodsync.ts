/**
 * A real gPodder sync server (oPodSync, PHP + SQLite, from `../shared/opodsync`, never copied into
 * the project), started by the tests that need one in a folder of their own and stopped after.
 * Where php is missing, the run says so once (announceSkips.ts) and skips them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const OPODSYNC_DIR = resolve(process.env['LCC_OPODSYNC'] ?? join(import.meta.dirname, '../../../shared/opodsync'));
export const opodsyncPresent =
  existsSync(join(OPODSYNC_DIR, 'start.sh')) &&
  spawnSync('php', ['-m'], { encoding: 'utf8' }).stdout?.toLowerCase().includes('sqlite3') === true;

export const USER = 'listener';
export const PASSWORD = 'pässwörd secret';

export interface SyncServer {
  url: string;
  /** Stops the server, keeping its database, as a server that went down. */
  pause: () => void;
  /** Starts it again on the same address with the same database. */
  resume: () => void;
  stop: () => void;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

let shimFolder: string | null = null;

/**
 * A folder whose `php` gives `php -m` in one write, and is php otherwise. start.sh checks php's
 * modules with `php -m | grep -q` under pipefail: grep exits at its line, and php, still writing,
 * dies of SIGPIPE, so the check fails (8 runs in 40 on a loaded machine, three in a row once in CI
 * under faketime). Written in one go, the list is in the pipe before grep reads it: 0 in 40.
 */
function phpInOneWrite(): string {
  if (shimFolder) return shimFolder;
  const php = execFileSync('sh', ['-c', 'command -v php'], { encoding: 'utf8' }).trim();
  const folder = mkdtempSync(join(tmpdir(), 'lcc-php-'));
  writeFileSync(
    join(folder, 'php'),
    `#!/bin/sh\nif [ "$#" -eq 1 ] && [ "$1" = "-m" ]; then out=$(${JSON.stringify(php)} -m) || exit $?; printf '%s\\n' "$out"; exit 0; fi\nexec ${JSON.stringify(php)} "$@"\n`,
  );
  chmodSync(join(folder, 'php'), 0o755);
  return (shimFolder = folder);
}

export async function startSyncServer(): Promise<SyncServer> {
  const folder = mkdtempSync(join(tmpdir(), 'lcc-opodsync-'));
  const port = await freePort();
  const start = () =>
    execFileSync(join(OPODSYNC_DIR, 'start.sh'), [folder, String(port), USER, PASSWORD], {
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, PATH: `${phpInOneWrite()}:${process.env['PATH'] ?? ''}` },
    }).trim();
  const pause = () => {
    try {
      process.kill(Number(readFileSync(join(folder, 'pid'), 'utf8')));
    } catch {
      // Already gone.
    }
  };
  const url = start();
  return {
    url,
    pause,
    resume: () => void start(),
    stop: () => {
      pause();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The media address the listener's phone names an episode by, as a feed of the audio host gives it. */
export const PHONE_MEDIA = (number: number) =>
  `https://traffic.libsyn.com/secure/lescastcodeurs/LesCastCodeurs-Episode-${number}.mp3?dest-id=1254`;
/** The podcast feed the phone subscribed to. */
export const PHONE_FEED = 'https://feeds.libsyn.com/12345/rss';

/** A play of an episode as AntennaPod sends it: lower case, UTC without a zone, whole seconds. */
export function phonePlay(number: number, timestamp: string, position: number, total = 5400): object {
  return { podcast: PHONE_FEED, episode: PHONE_MEDIA(number), action: 'play', timestamp, started: 0, position, total, device: 'pixel-8' };
}

const phoneAuth = () => ({ Authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` });

/** Every action the server holds, as another client reads them. */
export async function actionsOnServer(server: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${server}/api/2/episodes/${USER}.json?since=0`, { headers: phoneAuth() });
  return ((await response.json()) as { actions: Record<string, unknown>[] }).actions;
}

/** Writes actions to the server as a phone's app would, with Basic auth. */
export async function postAsPhone(server: string, actions: object[]): Promise<void> {
  const response = await fetch(`${server}/api/2/episodes/${USER}.json`, {
    method: 'POST',
    headers: phoneAuth(),
    body: JSON.stringify(actions),
  });
  if (!response.ok) throw new Error(`the server refused the phone's actions: ${response.status}`);
}
