/**
 * Every message between the extension's contexts, in one place: a discriminated union per
 * receiver, the answer each one gets, and one typed send per direction. A misspelt or unknown
 * message does not compile. Pages hear of changes to stored data on the store's BroadcastChannel,
 * and of the player's state on its own (`src/core/player/state.ts`); the background, which may be
 * asleep, is told with a message.
 */
import { episodeId, type Episode } from './core/episode/model';
import { canonicalPageUrl, isCanonicalPageUrl, postAddressOfPage } from './core/episode/urls';
import type { EpisodeIdentity } from './platform/html/page';
import type { FeedState } from './core/records';
import type { FetchedFeed } from './platform/archive/refresh';
import type { PlayerCommand, PlayerState } from './core/player/state';
import type { NoteNode } from './core/log/note';
import type { StoreChange } from './platform/storage/database';
import type { ConnectResult, SyncStatus } from './platform/gpodder/sync';

/** To the background, from the content script or the popup. */
export type BackgroundRequest =
  | { type: 'page/opened'; episode: EpisodeIdentity }
  | { type: 'episode/revalidate'; url: string }
  | { type: 'store/changed'; change: StoreChange }
  | { type: 'archive/refresh'; force: boolean }
  | { type: 'player/command'; command: PlayerCommand }
  /** A listener's note as the nodes to draw: read where the markdown parser already is. */
  | { type: 'note/read'; markdown: string }
  /** `caption`: how the extension is named among the listener's devices, in the interface language. */
  | { type: 'gpodder/connect'; server: string; user: string; password: string; caption: string }
  | { type: 'gpodder/disconnect' }
  | { type: 'gpodder/sync'; trigger: 'listener' | 'auto' }
  | { type: 'gpodder/status' };

export type RevalidateFailure = 'offline' | 'not-found' | 'unparsable';

export type RevalidateResult = { status: 'updated' | 'unchanged'; episode: Episode } | { status: 'failed'; reason: RevalidateFailure };

export interface BackgroundAnswers {
  'page/opened': null;
  'episode/revalidate': RevalidateResult;
  'store/changed': null;
  /** Null where the archive cannot be refreshed (no DOMParser and no offscreen document). */
  'archive/refresh': FeedState | null;
  /** The player's state after the command. */
  'player/command': PlayerState;
  'note/read': NoteNode[];
  'gpodder/connect': ConnectResult;
  'gpodder/disconnect': null;
  /** Where the sync with the podcast apps stands after the run. */
  'gpodder/sync': SyncStatus;
  'gpodder/status': SyncStatus;
}

/** To the content script of an episode's tab, from the popup (scroll) or the background (identity). */
export type ContentRequest = { type: 'page/identify' } | { type: 'page/scroll-to'; sectionId: string };

export interface ContentAnswers {
  'page/identify': EpisodeIdentity;
  'page/scroll-to': boolean;
}

/** To Chrome's offscreen document, from the background: the work that needs DOMParser, and the player. */
export type OffscreenRequest =
  | { type: 'offscreen/store-feed'; fetched: FetchedFeed; reader: string }
  /** The whole refresh, fetch included, where every entry is to be read (see `readsEveryEntry`). */
  | { type: 'offscreen/refresh-feed'; reader: string }
  | { type: 'offscreen/player'; command: PlayerCommand };

export interface OffscreenAnswers {
  'offscreen/store-feed': FeedState;
  'offscreen/refresh-feed': FeedState;
  'offscreen/player': PlayerState;
}

export type BackgroundAnswer<R extends BackgroundRequest> = BackgroundAnswers[R['type']];
export type OffscreenAnswer<R extends OffscreenRequest> = OffscreenAnswers[R['type']];
export type ContentAnswer<R extends ContentRequest> = ContentAnswers[R['type']];

/** The part of the runtime API a message to the background needs; the content script passes its own, lighter one. */
export interface MessageRuntime {
  sendMessage(message: unknown): Promise<unknown>;
}

export function sendToBackground<R extends BackgroundRequest>(runtime: MessageRuntime, request: R): Promise<BackgroundAnswer<R>> {
  return runtime.sendMessage(request) as Promise<BackgroundAnswer<R>>;
}

export interface TabMessenger {
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

export function sendToTab<R extends ContentRequest>(tabs: TabMessenger, tabId: number, request: R): Promise<ContentAnswer<R>> {
  return tabs.sendMessage(tabId, request) as Promise<ContentAnswer<R>>;
}

/**
 * The toolbar popup's address on an episode's tab, which the background sets when the page says
 * which episode it is: the popup knows its tab and episode as its script starts, without asking
 * the browser, and can draw its first frame from what it kept (the browser forgets a tab's popup
 * when the tab navigates).
 */
export const POPUP_PAGE = 'popup/index.html';

export function popupAddress(tabId: number, pageUrl: string): string {
  return `${POPUP_PAGE}?${new URLSearchParams({ tab: String(tabId), page: pageUrl }).toString()}`;
}

export function popupTargetOf(search: string): { tabId: number; pageUrl: string } | null {
  const query = new URLSearchParams(search);
  const tabId = Number(query.get('tab'));
  const pageUrl = canonicalPageUrl(query.get('page') ?? '');
  return Number.isSafeInteger(tabId) && tabId >= 0 && pageUrl !== null ? { tabId, pageUrl } : null;
}

/**
 * The page parser is not in the content script, which runs on every page of the site: the popup
 * injects it (src/content/pageReader.ts) into the episode's tab the rare time it has no copy of
 * the episode. It leaves this function in the tab's content-script world, which a second
 * injection calls and whose value comes back structured-cloned.
 */
export const PAGE_READER = 'lccReadPostPage';
export type PageReader = () => Episode;

/** The part of `scripting` the popup needs; `file` is the page reader's address in the build. */
export interface ScriptInjector {
  executeScript(injection: {
    target: { tabId: number };
    files?: string[];
    func?: (name: string) => unknown;
    args?: string[];
  }): Promise<{ result?: unknown; error?: unknown }[]>;
}

/** The first frame's outcome: Chrome rejects a script that throws, Firefox names its error. */
function injectedValue([injection]: { result?: unknown; error?: unknown }[]): unknown {
  if (injection?.error !== undefined) throw new Error(`the page reader failed: ${JSON.stringify(injection.error)}`);
  return injection?.result;
}

export async function readPostPageInTab(scripting: ScriptInjector, tabId: number, file: string): Promise<Episode> {
  // From the extension's root: Firefox reads a relative path from the calling page's folder.
  injectedValue(await scripting.executeScript({ target: { tabId }, files: [new URL(file, 'https://root/').pathname] }));
  const episode = injectedValue(
    await scripting.executeScript({
      target: { tabId },
      func: (name) => (globalThis as unknown as Record<string, PageReader>)[name]?.(),
      args: [PAGE_READER],
    }),
  );
  if (episode === undefined) throw new Error('the page reader gave no episode');
  return episode as Episode;
}

function hasType(message: unknown): message is { type: string } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

// Keyed by the answers' types, so that a message added to a union without its answer, or
// without being recognised here, does not compile.
const BACKGROUND_TYPES: Record<keyof BackgroundAnswers, true> = {
  'page/opened': true,
  'episode/revalidate': true,
  'store/changed': true,
  'archive/refresh': true,
  'player/command': true,
  'note/read': true,
  'gpodder/connect': true,
  'gpodder/disconnect': true,
  'gpodder/sync': true,
  'gpodder/status': true,
};
const OFFSCREEN_TYPES: Record<keyof OffscreenAnswers, true> = {
  'offscreen/store-feed': true,
  'offscreen/refresh-feed': true,
  'offscreen/player': true,
};
const CONTENT_TYPES: Record<keyof ContentAnswers, true> = { 'page/identify': true, 'page/scroll-to': true };

export function isBackgroundRequest(message: unknown): message is BackgroundRequest {
  return hasType(message) && Object.hasOwn(BACKGROUND_TYPES, message.type);
}

export function isContentRequest(message: unknown): message is ContentRequest {
  return hasType(message) && Object.hasOwn(CONTENT_TYPES, message.type);
}

export function isOffscreenRequest(message: unknown): message is OffscreenRequest {
  return hasType(message) && Object.hasOwn(OFFSCREEN_TYPES, message.type);
}

/**
 * Who sent a message, as its receiver sees it: a content script runs in a web page's tab and
 * says only what that page says; the extension's own contexts either have no tab (popup,
 * offscreen document, background, whose service worker Chrome gives no address) or show one of
 * the extension's pages in it (the journal).
 */
export type Sender = 'extension' | 'content-script';

export function senderOf(sender: { url?: string | undefined; tab?: unknown }, extensionOrigin: string): Sender {
  return sender.tab !== undefined && !sender.url?.startsWith(extensionOrigin) ? 'content-script' : 'extension';
}

/** An episode's identity as a page may claim it: its number agrees with its page's address. */
function isEpisodeIdentity(value: unknown): value is EpisodeIdentity {
  if (typeof value !== 'object' || value === null) return false;
  const { id, number, url } = value as Record<string, unknown>;
  if (typeof url !== 'string' || !isCanonicalPageUrl(url)) return false;
  if (number !== null && !(typeof number === 'number' && Number.isSafeInteger(number) && number >= 0)) return false;
  const post = postAddressOfPage(url);
  return post !== null && id === episodeId(number, post.slug);
}

/**
 * Whether the background takes a request from this sender. A content script may only say which
 * episode its page is, in the shape a page gives it (no badge text of its own choosing); playing,
 * refreshing, relaying writes and asking GitHub are for the extension's own pages.
 */
export function mayRequest(request: BackgroundRequest, from: Sender): boolean {
  if (from === 'extension') return true;
  return request.type === 'page/opened' && isEpisodeIdentity(request.episode);
}
