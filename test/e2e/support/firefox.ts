/**
 * The built extension in Debian's Firefox ESR, as ../shared/docs/testing-in-firefox.md describes:
 * puppeteer-core over WebDriver BiDi, the real pages of the site from the corpus through request
 * interception, extension pages opened from the browser window, and the real toolbar popup read
 * through a frame script (BiDi does not list the popup's panel among its contexts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { CORPUS_DIR } from '../../support/corpus';
import { AUDIO_HOST, startAudioHost, type AudioHost } from './audioHost';

export const FIREFOX = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';
export const firefoxPresent = existsSync(FIREFOX);
const FIREFOX_DIST = resolve(import.meta.dirname, '../../../dist/firefox');
const GECKO_ID = 'lcc-companion@listeners.lescastcodeurs';
/** Any fixed UUID: the extension's pages then have addresses the tests know. */
const UUID = '8c1f2f3e-1111-4222-8333-944455556666';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;
/** The longest any one call into Firefox may take (opening a popup, a frame script's answer). */
const RUN_TIMEOUT_MS = 30_000;

type Connection = { send(method: string, params: object): Promise<{ result: unknown }> };
interface Context {
  context: string;
  url: string;
  children?: Context[];
}
type EvaluateResult =
  { type: 'success'; result: { type: string; value?: unknown } } | { type: 'exception'; exceptionDetails: { text: string } };

function corpusPage(pathname: string): string | null {
  const post = /^\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\/$/.exec(decodeURIComponent(pathname));
  const file = post && join(CORPUS_DIR, 'pages', `${post[1]}-${post[2]}-${post[3]}-${post[4]}.html`);
  return file && existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/**
 * The site from the corpus; anything else from the network fails, as there is none here. The
 * event page's own requests are not intercepted: it reaches the show's audio host through the
 * local one's tunnel, which a PAC file names for that host alone.
 */
function serve(request: HTTPRequest): void {
  const url = new URL(request.url());
  // Firefox drops some of its own requests before they can be failed: nothing to answer then.
  if (url.hostname !== 'lescastcodeurs.com') return void request.abort('internetdisconnected').catch(() => undefined);
  const page = corpusPage(url.pathname);
  request
    .respond(
      page === null
        ? { status: 404, contentType: 'text/plain', body: 'not in the corpus' }
        : { status: 200, contentType: 'text/html; charset=utf-8', body: page },
    )
    .catch((error: unknown) => console.warn('answering a request of the page', error));
}

export interface FirefoxSession {
  browser: Browser;
  audioHost: AudioHost;
  /** A tab on a page of the site, e.g. `/2021/09/02/lcc-262-…/`, in front. */
  openSitePage(path: string): Promise<Page>;
  /** Opens an extension page (`options/index.html#data`) in a tab behind the others; gives its context. */
  openExtensionPage(path: string): Promise<string>;
  /** The value of `expression` (awaited, then passed through JSON) in a context. */
  evaluate<T>(context: string, expression: string): Promise<T>;
  /** Opens the real toolbar popup over the tab in front, as a click on the icon does. */
  openPopup(): Promise<void>;
  /** The value of `expression` (awaited, then passed through JSON) in the open popup. */
  evaluateInPopup<T>(expression: string): Promise<T>;
  /**
   * Grants the extension host permissions, as a listener does in the prompt a permission request
   * shows (a headless browser shows none to click).
   */
  grantHosts(origins: string[]): Promise<void>;
  /** Clicks the element `selector` names in a page's context with the pointer, as the listener's own input (a browser gives some APIs to such clicks only). */
  click(context: string, selector: string): Promise<void>;
  close(): Promise<void>;
}

/** A call Firefox never answers fails with what it was (after 30 s), rather than hanging the test. */
async function answeredWithin<T>(call: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const noAnswer = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`Firefox gave no answer in ${RUN_TIMEOUT_MS / 1000} s: ${what}`)), RUN_TIMEOUT_MS);
  });
  return Promise.race([call, noAnswer]).finally(() => clearTimeout(timer));
}

export async function launchFirefox(options: { prefs?: Record<string, unknown>; startTimeout?: number } = {}): Promise<FirefoxSession> {
  const audioHost = await startAudioHost('serve');
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      timeout: options.startTimeout ?? 30_000,
      headless: true,
      // The local audio host's certificate is its own.
      acceptInsecureCerts: true,
      // Lets BiDi reach the browser window, from which extension pages open and the popup is read.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
        'extensions.openPopupWithoutUserGesture.enabled': true,
        'network.proxy.type': 2,
        'network.proxy.autoconfig_url': `data:text/plain,${encodeURIComponent(
          `function FindProxyForURL(url, host) { return host === '${AUDIO_HOST}' ? 'PROXY 127.0.0.1:${audioHost.tunnelPort}' : 'DIRECT'; }`,
        )}`,
        ...options.prefs,
      },
    })
    .catch(async (error: unknown) => {
      await audioHost.close();
      throw error;
    });
  try {
    await answeredWithin(browser.installExtension(FIREFOX_DIST), 'installing the extension');
    const connection = (browser as unknown as { connection: Connection }).connection;
    const tree = async (scope?: 'chrome') =>
      ((await connection.send('browsingContext.getTree', scope ? { 'moz:scope': scope } : {})).result as { contexts: Context[] }).contexts;
    const [window] = await tree('chrome');
    // A fresh install opens the journal's welcome: closed once there, as a listener would.
    for (let attempt = 0; ; attempt += 1) {
      const welcome = (await tree()).find((context) => context.url === `${EXTENSION_ORIGIN}/options/index.html#welcome`);
      if (welcome) {
        await connection.send('browsingContext.close', { context: welcome.context });
        break;
      }
      if (attempt === 300) throw new Error('the welcome did not open at install');
      await new Promise((wait) => setTimeout(wait, 50));
    }
    const run = async (context: string, expression: string): Promise<unknown> => {
      const { result } = await answeredWithin(
        connection.send('script.evaluate', {
          target: { context },
          expression: `(async () => JSON.stringify(await (${expression})))()`,
          awaitPromise: true,
        }),
        expression.slice(0, 120),
      );
      const outcome = result as EvaluateResult;
      if (outcome.type === 'exception') throw new Error(`in Firefox: ${outcome.exceptionDetails.text}`);
      const text = outcome.result.value;
      return typeof text === 'string' ? JSON.parse(text) : undefined;
    };
    let extensionContext: string | null = null;

    const session: FirefoxSession = {
      browser,
      audioHost,
      async openSitePage(path) {
        const page = await answeredWithin(browser.newPage(), 'opening a tab');
        await page.setRequestInterception(true);
        page.on('request', (request) => serve(request));
        await page.goto(`https://lescastcodeurs.com${path}`);
        await answeredWithin(page.bringToFront(), 'bringing the tab to front');
        return page;
      },
      async openExtensionPage(path) {
        const url = `${EXTENSION_ORIGIN}/${path}`;
        const known = new Set((await tree()).map((context) => context.context));
        await run(
          window!.context,
          `gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }) && true`,
        );
        for (let attempt = 0; attempt < 100; attempt += 1) {
          const opened = (await tree()).find((context) => !known.has(context.context) && context.url === url);
          if (opened) {
            await run(
              opened.context,
              `new Promise((ready) => document.readyState === 'complete' ? ready(true) : addEventListener('load', () => ready(true)))`,
            );
            return (extensionContext = opened.context);
          }
          await new Promise((wait) => setTimeout(wait, 50));
        }
        throw new Error(`the extension page ${path} did not open`);
      },
      evaluate: (context, expression) => run(context, expression) as Promise<never>,
      async grantHosts(origins) {
        await run(
          window!.context,
          // Given the running extension, the change reaches it at once, as a granted prompt's does.
          `ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs').ExtensionPermissions.add(${JSON.stringify(GECKO_ID)}, { permissions: [], origins: ${JSON.stringify(origins)} }, WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension).then(() => true)`,
        );
      },
      async click(context, selector) {
        await connection.send('browsingContext.activate', { context });
        const { x, y } = (await run(
          context,
          `(() => { const element = document.querySelector(${JSON.stringify(selector)}); element.scrollIntoView({ block: 'center' }); const box = element.getBoundingClientRect(); return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) }; })()`,
        )) as { x: number; y: number };
        await answeredWithin(
          connection.send('input.performActions', {
            context,
            actions: [
              {
                type: 'pointer',
                id: 'mouse',
                actions: [
                  { type: 'pointerMove', x, y },
                  { type: 'pointerDown', button: 0 },
                  { type: 'pointerUp', button: 0 },
                ],
              },
            ],
          }),
          `clicking ${selector}`,
        );
      },
      async openPopup() {
        // action.openPopup() needs an extension page to call it from; the tab in front stays in front.
        const from = extensionContext ?? (await session.openExtensionPage('options/index.html'));
        await run(from, 'browser.action.openPopup()');
        await run(
          window!.context,
          `new Promise((opened, failed) => {
            const started = Date.now();
            const look = () => {
              const popup = document.querySelector('.webextension-popup-browser');
              if (popup?.currentURI?.spec.startsWith(${JSON.stringify(`${EXTENSION_ORIGIN}/popup/`)})) opened(true);
              else if (Date.now() - started > 10000) failed(new Error('the toolbar popup did not open'));
              else setTimeout(look, 50);
            };
            look();
          })`,
        );
      },
      async evaluateInPopup(expression) {
        // A frame script runs in the popup's own process and sends the value back to the window.
        // One loaded while the popup's document is still being swapped in is lost with it, and
        // its answer never comes: after 5 s the call fails, and `until` asks again.
        const script = `(async () => { const window = content; const document = content.document; let value; try { value = { ok: JSON.stringify(await (${expression})) }; } catch (error) { value = { error: String(error) }; } sendAsyncMessage('lcc-test:value', value); })()`;
        const value = (await run(
          window!.context,
          `new Promise((done) => {
            const manager = document.querySelector('.webextension-popup-browser').messageManager;
            const listener = (message) => { manager.removeMessageListener('lcc-test:value', listener); done(message.data); };
            manager.addMessageListener('lcc-test:value', listener);
            setTimeout(() => { manager.removeMessageListener('lcc-test:value', listener); done({ error: 'no answer from the popup in 5 s' }); }, 5000);
            manager.loadFrameScript(${JSON.stringify(`data:,${encodeURIComponent(script)}`)}, false);
          })`,
        )) as { ok?: string; error?: string };
        if (value.error !== undefined) throw new Error(`in the Firefox popup: ${value.error}`);
        return (value.ok === undefined ? undefined : JSON.parse(value.ok)) as never;
      },
      close: async () => {
        await browser.close();
        await audioHost.close();
      },
    };
    return session;
  } catch (error) {
    await browser.close();
    await audioHost.close();
    throw error;
  }
}

/**
 * An expression that clicks the button named `name`, by its label as an icon button has it or by
 * its text (from script: for what needs no user gesture).
 */
export const click = (name: string) =>
  `(() => { const button = [...document.querySelectorAll('button')].find((each) => (each.getAttribute('aria-label') ?? each.textContent.trim()) === ${JSON.stringify(name)}); button.click(); return true; })()`;

/** An expression giving the text of the element `selector` names, or null. */
export const text = (selector: string) => `document.querySelector(${JSON.stringify(selector)})?.textContent ?? null`;

/** Polls `read` until it gives `expected` (compared as JSON), or fails with the last value after `timeout` ms. */
export async function until<T>(read: () => Promise<T>, expected: (value: T) => boolean, timeout = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read().catch((error: unknown) => error as T);
    if (expected(value)) return value;
    if (Date.now() - started > timeout) throw new Error(`still ${JSON.stringify(value)} after ${timeout} ms`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
}
