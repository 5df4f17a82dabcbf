/**
 * Every message between the extension's contexts, in one place: a discriminated union per
 * receiver, the answer each one gets, and one typed send per direction. A misspelt or unknown
 * message does not compile. Pages hear of changes to stored data on the store's BroadcastChannel;
 * the background, which may be asleep, is told with a message.
 */
import type { Episode } from './episode/model';
import type { StoreChange } from './storage/store';

/** To the background, from the content script or the popup. */
export type BackgroundRequest =
  | { type: 'page/episode'; episode: Episode }
  | { type: 'episode/revalidate'; url: string }
  | { type: 'store/changed'; change: StoreChange };

export type RevalidateFailure = 'offline' | 'not-found' | 'unparsable';

export type RevalidateResult =
  | { status: 'updated' | 'unchanged'; episode: Episode }
  | { status: 'failed'; reason: RevalidateFailure };

export interface BackgroundAnswers {
  'page/episode': null;
  'episode/revalidate': RevalidateResult;
  'store/changed': null;
}

/** To the content script of an episode's tab, from the popup. */
export type ContentRequest = { type: 'page/get-episode' } | { type: 'page/scroll-to'; sectionId: string };

export interface ContentAnswers {
  'page/get-episode': Episode | null;
  'page/scroll-to': boolean;
}

export type BackgroundAnswer<R extends BackgroundRequest> = BackgroundAnswers[R['type']];
export type ContentAnswer<R extends ContentRequest> = ContentAnswers[R['type']];

/** The part of the runtime API both senders need; the content script passes its own, lighter one. */
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

function hasType(message: unknown): message is { type: string } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

const BACKGROUND_TYPES = new Set<string>(['page/episode', 'episode/revalidate', 'store/changed']);
const CONTENT_TYPES = new Set<string>(['page/get-episode', 'page/scroll-to']);

export function isBackgroundRequest(message: unknown): message is BackgroundRequest {
  return hasType(message) && BACKGROUND_TYPES.has(message.type);
}

export function isContentRequest(message: unknown): message is ContentRequest {
  return hasType(message) && CONTENT_TYPES.has(message.type);
}
