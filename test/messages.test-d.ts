/**
 * Type-level tests of the message protocol (src/messages.ts): each `@ts-expect-error` line must
 * fail to compile, and `npm test` compiles this file first (`tsc -b`), so a protocol that
 * accepted one of them would fail the run.
 */
import {
  sendToBackground,
  sendToTab,
  type BackgroundAnswer,
  type ContentAnswer,
  type MessageRuntime,
  type TabMessenger,
} from '../src/messages';

declare const runtime: MessageRuntime;
declare const tabs: TabMessenger;

export async function protocolPromises(): Promise<void> {
  // @ts-expect-error a misspelt message type does not compile
  await sendToBackground(runtime, { type: 'episode/revalidat', url: 'https://lescastcodeurs.com/' });
  // @ts-expect-error a message without its fields does not compile
  await sendToBackground(runtime, { type: 'episode/revalidate' });
  // @ts-expect-error a background message is not sent to a tab
  await sendToTab(tabs, 1, { type: 'episode/revalidate', url: 'https://lescastcodeurs.com/' });

  const result = await sendToBackground(runtime, { type: 'episode/revalidate', url: 'https://lescastcodeurs.com/' });
  // @ts-expect-error the answer has the type its request declares, no other
  const wrong: string = result;
  void wrong;
  const scrolled: boolean = await sendToTab(tabs, 1, { type: 'page/scroll-to', sectionId: 'news' });
  void scrolled;
}

// A request that is not in the protocol has no answer.
// @ts-expect-error a request without an answer does not compile
export type OrphanAnswer = BackgroundAnswer<{ type: 'orphan/request' }>;
// @ts-expect-error nor does it for the content script
export type OrphanContentAnswer = ContentAnswer<{ type: 'page/orphan' }>;
