/**
 * Episode actions as the gPodder API carries them between a listener's podcast apps, and which
 * of them are about the show: apps name an episode by its media address, so that address is the
 * only identity an action has.
 */
import * as v from 'valibot';
import { showEpisodeOfMedia } from '../episode/mediaUrls';

/** The show's podcast feed, for an action about an episode no app of the listener mentioned. */
export const SHOW_PODCAST_FEED = 'https://lescastcodeurs.com/podcast-rss';

/** An app's play marks the episode played this close to its end, in seconds: AntennaPod's "smart mark as played" default. */
export const END_MARGIN_SECONDS = 30;

// Apps write the time in UTC, with or without a `Z` or a fraction (AntennaPod: `yyyy-MM-dd'T'HH:mm:ss`).
const ACTION_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z?$/;
const seconds = v.pipe(v.number(), v.safeInteger());

/** One action as a server gives it; an action with another shape is skipped, not the whole answer. */
const serverActionSchema = v.object({
  podcast: v.string(),
  episode: v.string(),
  action: v.pipe(v.string(), v.toLowerCase(), v.picklist(['play', 'download', 'delete', 'new'])),
  timestamp: v.pipe(v.string(), v.regex(ACTION_TIME)),
  started: v.optional(seconds),
  position: v.optional(seconds),
  total: v.optional(seconds),
  device: v.optional(v.string()),
  guid: v.optional(v.nullable(v.string())),
});
type ServerAction = v.InferOutput<typeof serverActionSchema>;

/** The answer to "the actions since T": `timestamp` is what to ask from next time. */
const answerSchema = v.object({
  actions: v.array(v.unknown()),
  timestamp: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
});

/** An action about one of the show's episodes, its time in ms since the epoch. */
export interface ShowAction {
  number: number;
  kind: ServerAction['action'];
  at: number;
  /** Seconds, for a `play`: where it started and stopped; null where the app gave none or an impossible one. */
  started: number | null;
  position: number | null;
  total: number | null;
  device: string;
  media: string;
  podcast: string;
}

export interface ReadAnswer {
  actions: ShowAction[];
  timestamp: number;
  /** Every action of the answer, every podcast's, and the devices that made them: what connecting reports. */
  total: number;
  devices: number;
  /** Actions of the show that could not be read, or stamped more than a day ahead of now. */
  skipped: number;
}

/** Past this, an answer is not what a sync server sends about one podcast (`AnswerError`). */
export const MAX_SHOW_EPISODES = 5_000;
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** Why a server's answer was refused as a whole: nothing of it is stored. */
export class AnswerError extends Error {
  constructor(readonly problem: 'not-json' | 'shape' | 'too-many-episodes') {
    super(`gPodder answer refused: ${problem}`);
    this.name = 'AnswerError';
  }
}

function timeOf(timestamp: string): number {
  const [, year, month, day, hours, minutes, secondsPart] = ACTION_TIME.exec(timestamp)!.map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day, hours, minutes, secondsPart));
  return date.getUTCDate() === day ? date.getTime() : Number.NaN;
}

/**
 * The show's actions of a server's answer (`text`, its body), every other podcast's dropped
 * unread. Throws an AnswerError for a body that is no such answer.
 */
export function readAnswer(text: string, enclosures: ReadonlyMap<string, number>, now: Date): ReadAnswer {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AnswerError('not-json');
  }
  const answer = v.safeParse(answerSchema, body);
  if (!answer.success) throw new AnswerError('shape');
  const actions: ShowAction[] = [];
  const episodes = new Set<number>();
  const devices = new Set<string>();
  // An app names an episode by the same address in each of its actions: each is read once.
  const numberOfMedia = new Map<string, number | null>();
  const numberOf = (media: string) => {
    let number = numberOfMedia.get(media);
    if (number === undefined) numberOfMedia.set(media, (number = showEpisodeOfMedia(media, enclosures)));
    return number;
  };
  let skipped = 0;
  for (const each of answer.output.actions) {
    const { episode: media, device } = typeof each === 'object' && each !== null ? (each as { episode?: unknown; device?: unknown }) : {};
    if (typeof device === 'string') devices.add(device);
    const number = typeof media === 'string' ? numberOf(media) : null;
    if (number === null) continue;
    const read = v.safeParse(serverActionSchema, each);
    const at = read.success ? timeOf(read.output.timestamp) : Number.NaN;
    if (!read.success || Number.isNaN(at) || at > now.getTime() + FUTURE_SLACK_MS) {
      skipped++;
      continue;
    }
    episodes.add(number);
    if (episodes.size > MAX_SHOW_EPISODES) throw new AnswerError('too-many-episodes');
    actions.push(showAction(number, at, read.output));
  }
  return { actions, timestamp: answer.output.timestamp, skipped, total: answer.output.actions.length, devices: devices.size };
}

function showAction(number: number, at: number, action: ServerAction): ShowAction {
  const total = action.total !== undefined && action.total > 0 ? action.total : null;
  const position = action.position !== undefined && action.position >= 0 ? Math.min(action.position, total ?? action.position) : null;
  const started =
    action.started !== undefined && action.started >= 0 && position !== null && action.started <= position ? action.started : null;
  const { action: kind, device = '', episode: media, podcast } = action;
  return { number, kind, at, started, position, total, device, media, podcast };
}

/** An action as the extension sends it: whole seconds, the time in UTC as AntennaPod writes it. */
export interface OutgoingAction {
  podcast: string;
  episode: string;
  action: 'play';
  timestamp: string;
  started: number;
  position: number;
  total: number;
  device: string;
}

export function actionTime(at: Date): string {
  return at.toISOString().slice(0, 19);
}
