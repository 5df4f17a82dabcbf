/**
 * The one player, where the audio plays: Chrome's offscreen document (reason AUDIO_PLAYBACK) or
 * Firefox's event page. It keeps the position (every 10 s while playing, and at each pause, seek,
 * end and close), counts the time really listened, marks an episode listened when it is played
 * out, starts the next of the queue, and tells every page of its state on a BroadcastChannel.
 * Everything it must not forget is in the store: a closed host loses nothing but its place in
 * the current second.
 */
import { inBackground, reportError } from '../../errors';
import { getPosition, savePlayback, updateQueue } from '../storage/playback';
import { type BulkMark, markListenedInBulk, undoBulkMark } from '../storage/bulkMarks';
import type { StoreChange } from '../storage/database';
import { getSettings, updateSettings } from '../storage/settings';
import { systemClock, type Clock } from '../../core/clock';
import { localToday } from '../../core/text/dates';
import { ListeningClock } from '../../core/player/listeningClock';
import { isPlayedOut, playbackRate, type Playable } from '../../core/player/playable';
import { playableAudioUrl } from '../../core/episode/mediaUrls';
import { sendMediaKeysTo, showInMediaSession, updateMediaSession } from './mediaSession';
import { PositionWrites, type PlaybackMoment } from '../../core/player/positionWrites';
import { dequeue, nextInQueue } from '../../core/player/queue';
import { PLAYER_CHANNEL, PLAYER_QUESTIONS_CHANNEL, type PlayerCommand, type PlayerState } from '../../core/player/state';

/** A stream that breaks is taken up again where it was, this many times in a row at most. */
const MAX_RESUMES = 3;

function finite(value: number): number | null {
  return Number.isFinite(value) && value > 0 ? value : null;
}

export class PlayerHost {
  private readonly audio: HTMLAudioElement;
  private readonly channel = new BroadcastChannel(PLAYER_CHANNEL);
  private readonly questions = new BroadcastChannel(PLAYER_QUESTIONS_CHANNEL);
  private readonly writes = new PositionWrites();
  private readonly clock = new ListeningClock();
  private playable: Playable | null = null;
  private failure: PlayerState['failure'] = null;
  private lastMark: BulkMark | null = null;
  private rate = 1;
  private resumes = 0;
  /** Whether the current source was read as audio once (its metadata): a 404 never is. */
  private sourceRead = false;
  private lastSecond = -1;
  private readonly ready: Promise<void>;

  constructor(
    /** The artwork the system's media controls show when they cannot fetch the site's image. */
    private readonly fallbackArtworkUrl: string,
    /** Tells the background the player changed the log or a position (its badges and syncs follow). */
    private readonly tellChange: (change: StoreChange) => Promise<void>,
    /** The time positions, the time listened and the day of a mark are taken from. */
    private readonly time: Clock = systemClock,
  ) {
    this.audio = new Audio();
    this.audio.preload = 'auto';
    this.ready = getSettings().then(
      (settings) => void (this.rate = settings.playbackRate),
      (error: unknown) => reportError('reading the player speed', error),
    );
    this.listen();
    sendMediaKeysTo({
      command: (command) => inBackground(`the media key's ${command.kind}`, this.command(command)),
      playable: () => this.playable,
      skipToNext: () => inBackground('skipping to the next episode', this.skipToNext()),
    });
    this.questions.onmessage = () => this.channel.postMessage(this.state());
  }

  async command(command: PlayerCommand): Promise<PlayerState> {
    await this.ready;
    switch (command.kind) {
      case 'state':
        break;
      case 'play':
        await this.play(command.playable, command.at);
        break;
      case 'pause':
        this.audio.pause();
        break;
      case 'seek':
        this.seek(command.to);
        break;
      case 'skip':
        this.seek(this.audio.currentTime + command.by);
        break;
      case 'rate':
        await this.setRate(command.rate);
        break;
      case 'undo-listened':
        await this.undoListened();
        break;
    }
    return this.state();
  }

  state(): PlayerState {
    const audio = this.audio;
    const status: PlayerState['status'] = this.failure
      ? 'failed'
      : !this.playable
        ? 'idle'
        : audio.ended
          ? 'ended'
          : audio.paused
            ? 'paused'
            : audio.readyState < HTMLMediaElement.HAVE_FUTURE_DATA
              ? 'loading'
              : 'playing';
    return {
      playable: this.playable,
      status,
      position: audio.currentTime,
      duration: finite(audio.duration),
      rate: this.rate,
      failure: this.failure,
      markedListened: this.lastMark?.before[0]?.episodeId ?? null,
    };
  }

  private async play(playable: Playable, at?: number): Promise<void> {
    const same = this.playable?.episodeId === playable.episodeId && !this.failure;
    if (!same) {
      if (this.playable && !this.failure) await this.save('close');
      const stored = await getPosition(playable.episodeId);
      const resumeAt = stored && !isPlayedOut(stored.seconds, stored.duration) ? stored.seconds : 0;
      this.playable = playable;
      this.failure = null;
      this.lastMark = null;
      this.resumes = 0;
      this.sourceRead = false;
      this.clock.interrupted();
      if (!this.load(playable)) return this.announce();
      // Before the metadata is read, this sets where playback will start.
      this.audio.currentTime = at ?? resumeAt;
      showInMediaSession(playable, this.fallbackArtworkUrl);
      // Starting an episode takes it out of the episodes to play next.
      await updateQueue((queue) => dequeue(queue, playable.episodeId));
    } else if (at !== undefined) {
      this.seek(at);
    }
    this.startPlaying();
  }

  /**
   * Starts playback without waiting for the first sound (a slow host would hold the command, and
   * every command after it, that long): the pages hear of it on the channel when it plays.
   */
  private startPlaying(): void {
    if (this.failure && this.playable) {
      // A try again after a failure: load the address anew.
      this.failure = null;
      if (!this.load(this.playable)) return this.announce();
    }
    this.audio.playbackRate = this.rate;
    this.audio.play().catch((error: unknown) => {
      // A source that cannot be read rejects here and raises `error` too, which says so.
      if (!(error instanceof DOMException && error.name === 'NotSupportedError')) reportError('starting playback', error);
    });
    this.announce();
  }

  private seek(to: number): void {
    const duration = finite(this.audio.duration);
    this.audio.currentTime = Math.max(0, duration === null ? to : Math.min(duration, to));
  }

  private async setRate(rate: number): Promise<void> {
    this.rate = playbackRate(rate);
    this.audio.playbackRate = this.rate;
    await updateSettings({ playbackRate: this.rate });
  }

  private async undoListened(): Promise<void> {
    const mark = this.lastMark;
    this.lastMark = null;
    if (!mark) return;
    await undoBulkMark(mark);
    await this.tellChange({ episodeIds: [mark.before[0]!.episodeId] });
  }

  /** Writes the position (and the time listened since the last write) when the throttle allows. */
  private async save(moment: PlaybackMoment): Promise<void> {
    const playable = this.playable;
    if (!playable || this.failure || this.audio.readyState === HTMLMediaElement.HAVE_NOTHING) return;
    if (!this.writes.shouldWrite(moment, this.time.now())) return;
    try {
      await savePlayback(
        {
          episodeId: playable.episodeId,
          url: playable.url,
          seconds: this.audio.currentTime,
          duration: finite(this.audio.duration),
          updatedAt: new Date(this.time.now()).toISOString(),
        },
        this.clock.take(),
        moment === 'playing',
      );
      // A pause, seek, end or close is what the listener's other browsers and apps are told of.
      if (moment !== 'playing') await this.tellChange({ episodeIds: [], playback: true });
    } catch (error) {
      reportError('saving the playback position', error);
    }
  }

  /** Marks the episode listened today, as the player's doing, unless it already is. */
  private async markListened(): Promise<void> {
    const playable = this.playable;
    if (!playable) return;
    try {
      const now = new Date(this.time.now());
      const mark = await markListenedInBulk([playable.episodeId], localToday(now), 'player', now);
      // Already listened (paused near the end, then played out): the first mark stays the one to undo.
      if (mark.before.length > 0) this.lastMark = mark;
      await this.tellChange({ episodeIds: [playable.episodeId] });
    } catch (error) {
      reportError('marking the episode listened', error);
    }
  }

  /** Takes the episode after `finishedId` out of the queue. */
  private async takeNext(finishedId: string): Promise<Playable | null> {
    let next: Playable | null = null;
    await updateQueue((queue) => {
      const taken = nextInQueue(queue, finishedId);
      next = taken.next;
      return taken.rest;
    });
    return next;
  }

  /** At the end of an episode, the next of the queue, if any. */
  private async playNext(): Promise<void> {
    const finished = this.playable;
    if (!finished) return;
    const next = await this.takeNext(finished.episodeId);
    if (!next) return;
    const mark = this.lastMark;
    await this.play(next);
    // The episode just marked can still be taken back while the next one plays.
    this.lastMark = mark;
    this.announce();
  }

  /** The system's "next track" key: the next of the queue now, this one kept where it was. */
  private async skipToNext(): Promise<void> {
    const current = this.playable;
    const next = current && (await this.takeNext(current.episodeId));
    if (next) await this.play(next);
  }

  private listen(): void {
    const audio = this.audio;
    audio.addEventListener('timeupdate', () => {
      if (!audio.paused && !audio.seeking) {
        this.clock.playing(this.time.now(), audio.currentTime, audio.playbackRate);
        if (audio.currentTime > 0) this.resumes = 0;
        inBackground('saving the position', this.save('playing'));
      }
      // The pages draw whole seconds: tell them once a second, not four times.
      const second = Math.floor(audio.currentTime);
      if (second !== this.lastSecond) {
        this.lastSecond = second;
        this.announce();
      }
    });
    audio.addEventListener('pause', () => {
      this.clock.interrupted();
      if (audio.ended || this.failure) return;
      inBackground(
        'pausing',
        this.save('pause')
          .then(() => (isPlayedOut(audio.currentTime, finite(audio.duration)) ? this.markListened() : undefined))
          .then(() => this.announce()),
      );
    });
    audio.addEventListener('seeking', () => this.clock.interrupted());
    audio.addEventListener('seeked', () => inBackground('saving the position', this.save('seek')));
    audio.addEventListener('ended', () => {
      this.clock.interrupted();
      inBackground(
        'ending the episode',
        this.save('end')
          .then(() => this.markListened())
          .then(() => this.playNext())
          .finally(() => this.announce()),
      );
    });
    audio.addEventListener('loadedmetadata', () => (this.sourceRead = true));
    audio.addEventListener('error', () => this.failed());
    for (const event of ['playing', 'waiting', 'loadedmetadata', 'durationchange', 'ratechange'] as const) {
      audio.addEventListener(event, () => this.announce());
    }
    // The host's page going away (the browser closing) is the last chance to write.
    globalThis.addEventListener('pagehide', () => inBackground('saving the position', this.save('close')));
  }

  /**
   * A stream that broke after it was read is taken up again where it was; an error the element
   * plays on through (Firefox reports some mp3 frames it skips so) is only reported; one that
   * stops it (404, no network, not audio) is a failure the pages show, with nothing written.
   */
  private failed(): void {
    const playable = this.playable;
    const error = this.audio.error;
    if (!playable || !error) return;
    const at = this.audio.currentTime;
    if (error.code === MediaError.MEDIA_ERR_NETWORK && this.sourceRead && this.resumes < MAX_RESUMES) {
      this.resumes += 1;
      // A little later each time, so that a network that is down is not asked in a tight loop.
      setTimeout(
        () => {
          if (!this.load(playable)) return this.announce();
          this.audio.currentTime = at;
          this.startPlaying();
        },
        1000 * (this.resumes - 1),
      );
      return;
    }
    if (!this.audio.paused && this.audio.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
      reportError('playing on through a media error', new Error(`${error.code}: ${error.message}`));
      return;
    }
    this.failure = 'unreachable';
    this.announce();
  }

  /**
   * Gives the element the episode's audio, in its https form on the show's audio host; any other
   * address is refused, and never requested.
   */
  private load(playable: Playable): boolean {
    const url = playableAudioUrl(playable.audioUrl);
    if (url === null) {
      this.failure = 'refused';
      this.audio.removeAttribute('src');
      return false;
    }
    this.audio.src = url;
    return true;
  }

  private announce(): void {
    const state = this.state();
    this.channel.postMessage(state);
    updateMediaSession(state);
  }
}
