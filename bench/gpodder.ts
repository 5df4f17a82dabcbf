/**
 * `gpodder sync of 10000 actions / server answer time ratio`: a first sync with a real gPodder
 * server (oPodSync) holding 10,000 actions, 4,080 of them for the show's 340 episodes: download,
 * match, merge and store, against only fetching the same answer. Node, with fake-indexeddb (slower
 * than a browser's IndexedDB: the ratio is an upper bound).
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import type { Clock } from '../src/core/clock';
import { fetchActions, type GpodderAccount } from '../src/platform/gpodder/client';
import { GpodderSync } from '../src/platform/gpodder/sync';
import { saveArchive } from '../src/platform/storage/archive';
import { clearEverything } from '../src/platform/storage/transfer';
import { episodeFixture } from '../test/support/episodes';
import { memoryArea } from '../test/support/memoryArea';
import { opodsyncPresent, PASSWORD, postAsPhone, startSyncServer, USER } from '../test/support/opodsync';
import { median } from './timing';

const SHOW_EPISODES = 340;
const ACTIONS = 10_000;
const RUNS = 9;
const clock: Clock = { now: () => Date.parse('2026-12-01T12:00:00Z') };

function phoneActions(): object[] {
  const actions: object[] = [];
  for (let index = 0; index < ACTIONS; index++) {
    const show = index % 49 < 20;
    const number = 1 + (index % SHOW_EPISODES);
    const day = new Date(Date.UTC(2020, 0, 1) + index * 3_600_000).toISOString().slice(0, 19);
    actions.push({
      podcast: show ? 'https://feeds.libsyn.com/12345/rss' : `https://other-${index % 40}.example/feed`,
      episode: show
        ? `https://traffic.libsyn.com/secure/lescastcodeurs/LesCastCodeurs-Episode-${number}.mp3?dest-id=1`
        : `https://other.example/${index}.mp3`,
      action: index % 3 === 0 ? 'download' : 'play',
      timestamp: day,
      started: 0,
      position: index % 5 === 0 ? 5400 : 1200 + (index % 3000),
      total: 5400,
      device: `phone-${index % 3}`,
    });
  }
  return actions;
}

export async function benchGpodder(): Promise<string[]> {
  if (!opodsyncPresent)
    return ['gpodder sync of 10000 actions / server answer time ratio: n/a (needs php with sqlite3 and ../shared/opodsync)'];
  const server = await startSyncServer();
  try {
    const actions = phoneActions();
    for (let start = 0; start < actions.length; start += 1000) await postAsPhone(server.url, actions.slice(start, start + 1000));
    const episodes = Array.from({ length: SHOW_EPISODES }, (_, index) =>
      episodeFixture(index + 1, {
        url: `https://lescastcodeurs.com/2021/09/02/lcc-${index + 1}-interview/`,
        audio: { url: `https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-${index + 1}.mp3`, bytes: 86_400_000 },
      }),
    );
    await saveArchive({
      episodes: episodes.map((episode) => ({ url: episode.url, episode, text: '' })),
      entries: { reader: '', fingerprints: {}, underived: [] },
      state: { etag: null, lastModified: null, checkedAt: 0, updatedAt: 0, failure: null },
    });
    const account: GpodderAccount = { server: server.url, user: USER, password: PASSWORD, api: 'gpodder', device: 'lcc-companion-bench' };
    const fetchTimes: number[] = [];
    const syncTimes: number[] = [];
    let answerBytes = 0;
    let last: Awaited<ReturnType<GpodderSync['syncNow']>> | null = null;
    for (let run = 0; run < RUNS; run++) {
      let started = performance.now();
      answerBytes = (await fetchActions(account, 0)).length;
      fetchTimes.push(performance.now() - started);

      await clearEverything();
      const area = memoryArea();
      await area.set({ gpodderAccount: account });
      const sync = new GpodderSync(area, clock);
      started = performance.now();
      last = await sync.syncNow('listener');
      syncTimes.push(performance.now() - started);
    }
    const ratio = median(syncTimes) / median(fetchTimes);
    return [
      `gpodder first sync: ${ACTIONS} actions (${(answerBytes / 1e6).toFixed(1)} MB), ${last?.state.last?.listened ?? 0} episodes marked listened, ${last?.state.last?.positions ?? 0} positions; fetch ${median(fetchTimes).toFixed(0)} ms, whole sync ${median(syncTimes).toFixed(0)} ms (medians of ${RUNS})`,
      `gpodder sync of 10000 actions / server answer time ratio: ${ratio.toFixed(3)}`,
    ];
  } finally {
    server.stop();
  }
}
