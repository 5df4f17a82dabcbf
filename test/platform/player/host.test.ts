/**
 * The player's host with a stand-in for the `<audio>` element: what it writes, and when, as
 * playback reports its progress (the browser tests play a real mp3; here the reports are exact).
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlayerHost } from '../../../src/platform/player/host';
import type { Playable } from '../../../src/core/player/playable';
import { SHOW_ARTWORK_URL } from '../../../src/core/episode/urls';
import { PLAYER_CHANNEL, PLAYER_QUESTIONS_CHANNEL, type PlayerState } from '../../../src/core/player/state';
import { getPosition, getQueue, listListenedTime, updateQueue } from '../../../src/platform/storage/playback';
import { onLocalWrite, type StoreChange } from '../../../src/platform/storage/database';
import { getListeningState } from '../../../src/platform/storage/listening';
import { clearEverything, readEverything } from '../../../src/platform/storage/transfer';

/** The few things of HTMLAudioElement the host uses, moved by the test. */
class FakeAudio extends EventTarget {
  src = '';
  preload = '';
  currentTime = 0;
  duration = Number.NaN;
  paused = true;
  ended = false;
  seeking = false;
  readyState = 0;
  playbackRate = 1;
  error: { code: number; message: string } | null = null;
  plays = 0;

  removeAttribute(name: string): void {
    if (name === 'src') this.src = '';
  }

  play(): Promise<void> {
    this.plays += 1;
    this.paused = false;
    this.dispatchEvent(new Event('playing'));
    return Promise.resolve();
  }

  pause(): void {
    this.paused = true;
    this.dispatchEvent(new Event('pause'));
  }

  /** The media read: its length known, enough data to play. */
  loaded(duration: number): void {
    this.duration = duration;
    this.readyState = 4;
    this.dispatchEvent(new Event('loadedmetadata'));
  }

  at(seconds: number): void {
    this.currentTime = seconds;
    this.dispatchEvent(new Event('timeupdate'));
  }
}

const EPISODE: Playable = {
  episodeId: 'lcc-262',
  url: 'https://lescastcodeurs.com/2021/09/02/lcc-262-interview/',
  number: 262,
  title: 'LCC 262 - Interview',
  audioUrl: 'https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-262.mp3',
};

let audio: FakeAudio;

/** The system's media controls as the host sets them, and the actions it registers. */
const mediaSession = {
  metadata: null as { init: object } | null,
  playbackState: 'none',
  handlers: new Map<string, (details: object) => void>(),
  setActionHandler(action: string, handler: (details: object) => void) {
    this.handlers.set(action, handler);
  },
  setPositionState() {},
};
let now = 0;
const writes: StoreChange[] = [];

beforeAll(() => {
  vi.stubGlobal('HTMLMediaElement', { HAVE_NOTHING: 0, HAVE_METADATA: 1, HAVE_CURRENT_DATA: 2, HAVE_FUTURE_DATA: 3 });
  vi.stubGlobal('MediaError', { MEDIA_ERR_NETWORK: 2, MEDIA_ERR_SRC_NOT_SUPPORTED: 4 });
  vi.stubGlobal('navigator', { mediaSession });
  vi.stubGlobal(
    'MediaMetadata',
    class {
      constructor(readonly init: object) {}
    },
  );
  vi.stubGlobal('addEventListener', () => undefined);
  vi.stubGlobal(
    'Audio',
    class extends FakeAudio {
      constructor() {
        super();
        audio = this;
      }
    },
  );
  onLocalWrite((change) => writes.push(change));
});

afterAll(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function startedHost(): Promise<PlayerHost> {
  const { PlayerHost } = await import('../../../src/platform/player/host');
  const host = new PlayerHost('chrome-extension://id/icons/icon-128.png', () => Promise.resolve(), { now: () => now });
  await host.command({ kind: 'play', playable: EPISODE });
  audio.loaded(120);
  return host;
}

/** Lets the host's writes, which it does not wait for in its event handlers, finish. */
const settled = () => new Promise((done) => setTimeout(done, 20));

beforeEach(async () => {
  await clearEverything();
  now = new Date(2026, 10, 29, 8, 0, 0).getTime();
  writes.length = 0;
});

describe('the player host', () => {
  it('plays only from the show’s audio host, over https, and refuses any other address without asking it', async () => {
    const { PlayerHost } = await import('../../../src/platform/player/host');
    const host = new PlayerHost('chrome-extension://id/icons/icon-128.png', () => Promise.resolve(), { now: () => now });
    await host.command({ kind: 'play', playable: { ...EPISODE, audioUrl: EPISODE.audioUrl.replace('https:', 'http:') } });
    // The feed's old http address, played in its https form.
    expect(audio.src).toBe(EPISODE.audioUrl);
    for (const audioUrl of [
      'http://192.168.1.1/cgi-bin/LesCastCodeurs-Episode-997.mp3',
      'https://traffic.libsyn.com.evil.example/LesCastCodeurs-Episode-262.mp3',
      'https://traffic.libsyn.com:8443/LesCastCodeurs-Episode-262.mp3',
      'https://user:secret@traffic.libsyn.com/LesCastCodeurs-Episode-262.mp3',
      'file:///etc/passwd',
    ]) {
      const state = await host.command({ kind: 'play', playable: { ...EPISODE, episodeId: 'lcc-997', audioUrl } });
      expect([audio.src, state.status, state.failure]).toEqual(['', 'failed', 'refused']);
    }
    // A try again asks nothing either.
    const again = await host.command({
      kind: 'play',
      playable: { ...EPISODE, episodeId: 'lcc-997', audioUrl: 'http://192.168.1.1/x.mp3' },
    });
    expect([audio.src, again.failure]).toEqual(['', 'refused']);
  });

  it('writes the position at most every 10 s while playing, four reports a second, and at the pause', async () => {
    await startedHost();
    writes.length = 0;
    for (let report = 0; report <= 48; report += 1) {
      now += 250;
      audio.at(report / 4);
      await settled();
    }
    // Checkpoints while playing, which no page needs to hear of.
    expect(writes).toEqual([{ episodeIds: [] }, { episodeIds: [] }]);
    audio.pause();
    await settled();
    expect(writes).toEqual([{ episodeIds: [] }, { episodeIds: [] }, { episodeIds: [], playback: true }]);
    expect(await getPosition('lcc-262')).toMatchObject({ seconds: 12, duration: 120 });
    // Twelve seconds played at 1×, counted once whatever the number of writes.
    const [month] = (await listListenedTime()).records;
    expect(month).toMatchObject({ month: '2026-11' });
    expect(month!.contentSeconds).toBeCloseTo(12, 5);
  });

  it('marks an episode stopped with 30 s or less left listened, as the player, and one undo takes it back', async () => {
    const host = await startedHost();
    audio.at(95);
    audio.pause();
    await settled();
    expect((await getListeningState('lcc-262'))?.listenedOn).toBe('2026-11-29');
    expect((await readEverything()).events).toEqual([expect.objectContaining({ episodeId: 'lcc-262', kind: 'listened', from: 'player' })]);
    expect(host.state().markedListened).toBe('lcc-262');
    await host.command({ kind: 'undo-listened' });
    expect(await getListeningState('lcc-262')).toBeUndefined();
    expect((await readEverything()).events).toEqual([]);
  });

  it('tells its state on its channel to a page that asks there, with no background between them', async () => {
    const host = await startedHost();
    audio.at(42);
    const heard = new BroadcastChannel(PLAYER_CHANNEL);
    // The hosts of the tests before this one answer too: this one is playing, at 42 s.
    const answer = new Promise<PlayerState>(
      (done) => (heard.onmessage = (event: MessageEvent<PlayerState>) => event.data.position === 42 && done(event.data)),
    );
    const questions = new BroadcastChannel(PLAYER_QUESTIONS_CHANNEL);
    questions.postMessage('state');
    expect(await answer).toEqual(host.state());
    expect(host.state()).toMatchObject({ status: 'playing', playable: { episodeId: 'lcc-262' } });
    questions.close();
    heard.close();
  });

  it('leaves an episode paused with more than 30 s left as it was', async () => {
    await startedHost();
    audio.at(89);
    audio.pause();
    await settled();
    expect(await getListeningState('lcc-262')).toBeUndefined();
    expect((await getPosition('lcc-262'))?.seconds).toBe(89);
  });

  it('fails, writing nothing, when the mp3 cannot be read', async () => {
    const { PlayerHost } = await import('../../../src/platform/player/host');
    const host = new PlayerHost('chrome-extension://id/icons/icon-128.png', () => Promise.resolve(), { now: () => now });
    await host.command({ kind: 'play', playable: EPISODE });
    audio.paused = true;
    audio.error = { code: 4, message: '404' };
    audio.dispatchEvent(new Event('error'));
    audio.dispatchEvent(new Event('pause'));
    await settled();
    expect(host.state()).toMatchObject({ status: 'failed', failure: 'unreachable' });
    expect(await readEverything()).toMatchObject({ positions: [], listenedTime: [], listening: [], events: [] });
  });

  it('loads a stream that broke after it was read again where it was', async () => {
    const host = await startedHost();
    audio.at(42);
    const plays = audio.plays;
    audio.src = '';
    audio.error = { code: 2, message: 'network' };
    audio.dispatchEvent(new Event('error'));
    await settled();
    expect(audio.src).toBe(EPISODE.audioUrl);
    expect(audio.currentTime).toBe(42);
    expect(audio.plays).toBe(plays + 1);
    expect(host.state().failure).toBeNull();
  });

  it("names the episode to the system's media controls, whose keys play, pause, seek and skip to the next of the queue", async () => {
    const host = await startedHost();
    expect(mediaSession.metadata?.init).toEqual({
      title: 'LCC 262 - Interview',
      artist: 'Les Cast Codeurs',
      album: 'LCC 262',
      artwork: [
        { src: SHOW_ARTWORK_URL, type: 'image/png' },
        { src: 'chrome-extension://id/icons/icon-128.png', sizes: '128x128', type: 'image/png' },
      ],
    });
    expect([...mediaSession.handlers.keys()].sort()).toEqual(['nexttrack', 'pause', 'play', 'seekbackward', 'seekforward', 'seekto']);
    mediaSession.handlers.get('pause')!({});
    await settled();
    expect(host.state().status).toBe('paused');
    mediaSession.handlers.get('play')!({});
    await settled();
    expect(host.state().status).toBe('playing');
    mediaSession.handlers.get('seekforward')!({});
    await settled();
    expect(audio.currentTime).toBe(30);
    mediaSession.handlers.get('seekbackward')!({});
    await settled();
    expect(audio.currentTime).toBe(15);

    const next = { ...EPISODE, episodeId: 'lcc-263', number: 263, title: 'LCC 263 - News', audioUrl: 'https://traffic.libsyn.com/263.mp3' };
    await updateQueue(() => [next]);
    audio.at(50);
    mediaSession.handlers.get('nexttrack')!({});
    await settled();
    expect(host.state().playable?.episodeId).toBe('lcc-263');
    expect(audio.src).toBe(next.audioUrl);
    expect(await getQueue()).toEqual([]);
    // The one skipped is kept where it was, not marked listened.
    expect((await getPosition('lcc-262'))?.seconds).toBe(50);
    expect(await getListeningState('lcc-262')).toBeUndefined();
  });

  it('ends an episode played out with an empty queue: listened, its position at the end, the player ended', async () => {
    const host = await startedHost();
    audio.at(120);
    audio.ended = true;
    audio.paused = true;
    audio.dispatchEvent(new Event('pause'));
    audio.dispatchEvent(new Event('ended'));
    await settled();
    expect(host.state()).toMatchObject({ status: 'ended', markedListened: 'lcc-262' });
    expect((await getPosition('lcc-262'))?.seconds).toBe(120);
    expect((await getListeningState('lcc-262'))?.listenedOn).toBe('2026-11-29');
  });
});
