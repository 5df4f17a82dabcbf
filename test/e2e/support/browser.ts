/**
 * The built extension in a real Chromium, as ../shared/docs/testing-in-chromium.md describes:
 * Debian's Chromium, the real pages and markdown sources routed from the corpus, and the real
 * toolbar popup reached over a second CDP client.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { chromium, type Browser, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';
import { CORPUS_DIR } from '../../support/corpus';
import { AUDIO_HOST, SITE_HOST, startAudioHost, type AudioRoute } from './audioHost';

export const DIST = resolve(import.meta.dirname, '../../../dist');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const chromiumPresent = existsSync(CHROMIUM);

const SITE_PAGES: Record<string, string> = {
  '/': 'site/home.html',
  '/episodes/': 'site/episodes.html',
  '/equipe/': 'site/equipe.html',
  '/page/2/': 'site/page-2.html',
};

export interface SourceRoute {
  /** What GitHub does: serve the corpus (the default), fail the connection, or answer 404. */
  mode: 'serve' | 'abort' | 'not-found';
  requests: number;
}

export interface ExtensionSession {
  context: BrowserContext;
  /** The extension's service worker as it runs now (it may have been stopped and woken since). */
  worker(): Promise<Worker>;

  extensionId: string;
  source: SourceRoute;
  audio: AudioRoute;
  debuggingPort: number;
  /** A tab on a page of the site, e.g. `/2021/09/02/lcc-262-…/`. */
  openSitePage(path: string): Promise<Page>;
  /**
   * Opens the real toolbar popup over `tab`, as a click on the icon does. `beforeItsScripts`: a
   * script the popup runs before its own, to watch its first frames (Playwright reaches a popup
   * only once it has loaded). `handOverAfter`: what the popup is handed over only after. The
   * client that hands it over attaches to every tab, and a tab of a heavy page pays for that with
   * seconds of style and layout, which the popup's own work in that tab would wait for.
   */
  openPopup(tab: Page, popupPath?: string, beforeItsScripts?: string, handOverAfter?: Promise<unknown>): Promise<Page>;
  /** Opens the popup over `tab` and hands it to no client: what it draws is told by `beforeItsScripts` (see popupPaint.ts). */
  openPopupUnattached(tab: Page, beforeItsScripts: string): Promise<void>;
  badgeText(tab: Page): Promise<string>;

  close(): Promise<void>;
}

/**
 * Until the returned stop is called, every target the browser opens runs `script` before its own
 * scripts: the browser holds each new target until it is told to go on (CDP auto-attach, which
 * Chrome allows at the browser's level only with flattened sessions, hence a socket of our own).
 */
async function runInNewTargets(port: number, script: string): Promise<() => void> {
  const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  const socket = new WebSocket(version.webSocketDebuggerUrl);
  await new Promise((opened, failed) => socket.once('open', opened).once('error', failed));
  let id = 0;
  const answers = new Map<number, () => void>();
  const send = (method: string, params: object, sessionId?: string) =>
    new Promise<void>((answered) => {
      id += 1;
      answers.set(id, answered);
      socket.send(JSON.stringify({ id, method, params, sessionId }));
    });
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as {
      id?: number;
      method?: string;
      params?: { sessionId: string; waitingForDebugger: boolean };
    };
    if (message.id !== undefined) answers.get(message.id)?.();
    if (message.method !== 'Target.attachedToTarget' || !message.params!.waitingForDebugger) return;
    const { sessionId } = message.params!;
    // A target that closes meanwhile (a popup closed at once) answers nothing: no matter.
    const ignoreClosed = () => undefined;
    send('Page.enable', {}, sessionId).catch(ignoreClosed);
    send('Page.addScriptToEvaluateOnNewDocument', { source: script }, sessionId).catch(ignoreClosed);
    send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(ignoreClosed);
  });
  await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
  return () => socket.close();
}

/**
 * The browser's targets, or none while it cannot say: a browser busy opening a window has been
 * seen answering `/json/list` with an empty body, which is no answer rather than an error.
 */
async function debuggingTargets(port: number): Promise<{ url: string }[]> {
  const body = await (await fetch(`http://127.0.0.1:${port}/json/list`)).text();
  try {
    return JSON.parse(body) as { url: string }[];
  } catch {
    return [];
  }
}

/** Where Chromium writes the port its DevTools server took, in the profile. */
const DEVTOOLS_PORT_FILE = 'DevToolsActivePort';

/**
 * The port Chromium's DevTools server took. It picks a free one itself (`--remote-debugging-port=0`):
 * a port picked beforehand and released could be taken by our own servers in between, which then
 * answered the DevTools client.
 */
async function devToolsPort(profile: string): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const file = join(profile, DEVTOOLS_PORT_FILE);
    if (existsSync(file)) {
      const port = Number(readFileSync(file, 'utf8').split('\n')[0]);
      if (port > 0) return port;
    }
    await new Promise((wait) => setTimeout(wait, 25));
  }
  throw new Error('Chromium did not start its DevTools server');
}

function corpusFileOfPath(pathname: string): string | null {
  if (SITE_PAGES[pathname]) return SITE_PAGES[pathname];
  const post = /^\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\/$/.exec(decodeURIComponent(pathname));
  return post ? `pages/${post[1]}-${post[2]}-${post[3]}-${post[4]}.html` : null;
}

async function serveSite(route: Route): Promise<void> {
  const url = new URL(route.request().url());
  // The feed comes from the local server that stands for the site (`AudioRoute.feed`), as it does for the offscreen document.
  if (url.pathname === '/feed-intern.atom') return route.continue();
  const file = corpusFileOfPath(url.pathname);
  const path = file && join(CORPUS_DIR, file);
  if (path && existsSync(path)) {
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(path) });
  } else {
    await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in the corpus' });
  }
}

async function serveSource(route: Route, source: SourceRoute): Promise<void> {
  source.requests += 1;
  if (source.mode === 'abort') return route.abort('internetdisconnected');
  const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/_posts/')[1] ?? '');
  const path = join(CORPUS_DIR, 'posts', name);
  if (source.mode === 'not-found' || !name || !existsSync(path)) {
    return route.fulfill({ status: 404, contentType: 'text/plain', body: '404: Not Found' });
  }
  const etag = `"${name.length}-${readFileSync(path).length}"`;
  if (route.request().headers()['if-none-match'] === etag) return route.fulfill({ status: 304, headers: { ETag: etag } });
  await route.fulfill({
    status: 200,
    contentType: 'text/plain; charset=utf-8',
    headers: { ETag: etag, 'Access-Control-Allow-Origin': '*' },
    body: readFileSync(path),
  });
}

/**
 * A copy of the built extension granted `origins` and `permissions` at install, as a test profile
 * grants what a listener allows in a prompt (their sync server, notifications): a headless browser
 * shows no permission prompt to click. Removed with the returned function.
 */
export function distGranting(origins: string[], permissions: string[] = []): { dist: string; remove: () => void } {
  const dist = mkdtempSync(join(tmpdir(), 'lcc-dist-'));
  cpSync(DIST, dist, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { host_permissions: string[]; permissions: string[] };
  manifest.host_permissions.push(...origins);
  manifest.permissions.push(...permissions);
  writeFileSync(join(dist, 'manifest.json'), JSON.stringify(manifest));
  return { dist, remove: () => rmSync(dist, { recursive: true, force: true }) };
}

export async function launchExtension(
  options: {
    source?: SourceRoute['mode'];
    colorScheme?: 'light' | 'dark';
    dist?: string;
    /** Serve the corpus feed (the archive then downloads at install); without, the feed answers 404. */
    feed?: boolean;
    audio?: AudioRoute['mode'];
    /** A profile to open again (a browser restarted), kept after close; by default a fresh one, removed. */
    profile?: string;
    /** Servers on this machine the extension talks to for real (a gPodder server): not answered with the stub page. */
    localServers?: boolean;
    /** Keep the journal's welcome, which a fresh install opens; by default it is closed once open, as a listener would. */
    welcome?: boolean;
  } = {},
): Promise<ExtensionSession> {
  const dist = options.dist ?? DIST;
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'lcc-profile-'));
  // A profile never opened installs the extension, which opens the welcome.
  const installs = readdirSync(profile).length === 0;
  const audioHost = await startAudioHost(options.audio ?? 'serve');
  if (options.feed) audioHost.route.feed = readFileSync(join(CORPUS_DIR, 'feed.atom'), 'utf8');
  // A profile opened before keeps the port of its last run.
  rmSync(join(profile, DEVTOOLS_PORT_FILE), { force: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    locale: 'fr-FR',
    // The extension speaks the browser's interface language: French, as most listeners have it.
    env: { ...process.env, LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' },
    args: [
      '--headless=new',
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=fr-FR',
      '--remote-debugging-port=0',
      `--host-resolver-rules=MAP ${AUDIO_HOST} 127.0.0.1:${audioHost.port}, MAP ${SITE_HOST} 127.0.0.1:${audioHost.port}`,
      '--ignore-certificate-errors',
    ],
  });
  const port = await devToolsPort(profile);
  const source: SourceRoute = { mode: options.source ?? 'serve', requests: 0 };
  const audio = audioHost.route;
  const clients: Browser[] = [];
  const closeAll = async () => {
    for (const client of clients) await client.close().catch(() => undefined);
    await context.close();
    await audioHost.close();
    if (!options.profile) rmSync(profile, { recursive: true, force: true });
  };
  try {
    // Any other address answers with a stub page, so that an opened link shows where it went.
    await context.route(/^https?:\/\//, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>elsewhere</title>' }),
    );
    await context.route('https://lescastcodeurs.com/**', serveSite);
    await context.route('https://raw.githubusercontent.com/**', (route) => serveSource(route, source));
    if (options.localServers) await context.route(/^http:\/\/127\.0\.0\.1:\d+\//, (route) => route.continue());
    const currentWorker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL((await currentWorker()).url()).host;
    if (installs && !options.welcome) await closeWelcome(context);
    const popupUrlOf = (popupPath: string) => `chrome-extension://${extensionId}/${popupPath}`;
    /** Opens the toolbar popup over `tab`, as a click on the icon does, once it is listed; gives the stop of `beforeItsScripts`. */
    const showPopup = async (tab: Page, popupPath: string, beforeItsScripts: string | undefined) => {
      await tab.bringToFront();
      const stopWatching = beforeItsScripts ? await runInNewTargets(port, beforeItsScripts) : () => undefined;
      const worker = await currentWorker();
      await worker.evaluate(() =>
        (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup(),
      );
      // The popup is a target of its own: a CDP client attached after it opened lists it.
      for (let attempt = 0; attempt < 100; attempt += 1) {
        if ((await debuggingTargets(port)).some((target) => target.url.startsWith(popupUrlOf(popupPath)))) break;
        await new Promise((wait) => setTimeout(wait, 50));
      }
      return stopWatching;
    };

    return {
      context,
      worker: currentWorker,
      extensionId,
      source,
      audio,
      debuggingPort: port,
      async openSitePage(path) {
        const tab = await context.newPage();
        await tab.goto(`https://lescastcodeurs.com${path}`);
        return tab;
      },
      async openPopup(tab, popupPath = 'popup/index.html', beforeItsScripts, handOverAfter) {
        const stopWatching = await showPopup(tab, popupPath, beforeItsScripts);
        await handOverAfter;
        const client = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
        clients.push(client);
        const popup = client
          .contexts()
          .flatMap((each) => each.pages())
          .find((page) => page.url().startsWith(popupUrlOf(popupPath)));
        stopWatching();
        if (!popup) throw new Error('the toolbar popup did not open');
        await popup.waitForLoadState('domcontentloaded');
        return popup;
      },
      async openPopupUnattached(tab, beforeItsScripts) {
        (await showPopup(tab, 'popup/index.html', beforeItsScripts))();
      },
      async badgeText(tab) {
        const worker = await currentWorker();
        const tabId = await worker.evaluate(async (url) => {
          const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } } })
            .chrome;
          return (await chrome.tabs.query({})).find((each) => each.url === url)?.id ?? -1;
        }, tab.url());
        return worker.evaluate(
          (id) =>
            (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({
              tabId: id,
            }),
          tabId,
        );
      },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** Closes the welcome tab a fresh install opens, once it is there (its address is set as it loads). */
async function closeWelcome(context: BrowserContext): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const welcome = context.pages().find((page) => page.url().endsWith('/options/index.html#welcome'));
    if (welcome) {
      // Closed once loaded: a tab of the extension's closed as it loads was seen to leave the next page of the extension without its messages.
      await welcome.waitForSelector('#view-title');
      return welcome.close();
    }
    await new Promise((wait) => setTimeout(wait, 50));
  }
  throw new Error('the welcome did not open at install');
}

/**
 * Keeps the last file a page hands to the browser's downloads, as the page made it: the CDP client
 * that reached the popup takes over where downloads are saved, so tests read the file from here.
 * Call before the page loads; `lastDownload()` gives the file's text.
 */
export async function keepDownloads(page: Page): Promise<{ lastDownload(): Promise<string> }> {
  await page.addInitScript(() => {
    const createObjectURL = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => {
      (window as unknown as { lastDownload: Blob }).lastDownload = blob;
      return createObjectURL(blob);
    };
  });
  return { lastDownload: () => page.evaluate(() => (window as unknown as { lastDownload: Blob }).lastDownload.text()) };
}
