/**
 * What the toolbar popup last drew of the few episodes opened last, kept in localStorage: on an
 * episode's tab the popup draws its first frame from it while its script runs, before the
 * database opens, then the database and the source check update it. A page that changes the
 * listener's records drops the copies they touch, so that no first frame shows them as they were
 * (the popup keeps its own again at once); the background's changes (a sync) are the database's
 * to correct, a frame later.
 */
import * as v from 'valibot';
import { episodeSchema } from '../core/episode/schema';
import { listeningStateSchema, playableSchema, playbackPositionSchema } from '../core/records';
import { changesEpisode, onLocalWrite, type StoreChange } from '../platform/storage/database';
import { changeLocalCopy, keepLocalCopy, readLocalCopy } from './localCopy';

const KEY = 'lcc-companion/popup-episodes';
/** A listener goes back to the episode they are listening to, and to the one or two before. */
const KEPT = 4;

/** Where the episode drawn was read from: the copy kept of its source, the page, the source itself. */
const episodeOriginSchema = v.picklist(['cache', 'page', 'markdown']);
export type EpisodeOrigin = v.InferOutput<typeof episodeOriginSchema>;

const popupCopySchema = v.object({
  episode: episodeSchema,
  origin: episodeOriginSchema,
  listening: v.optional(listeningStateSchema),
  position: v.nullable(playbackPositionSchema),
  queue: v.array(playableSchema),
});
export type PopupCopy = v.InferOutput<typeof popupCopySchema>;

const storedCopiesSchema = v.array(popupCopySchema);

function storedCopies(): PopupCopy[] {
  return readLocalCopy(KEY, storedCopiesSchema) ?? [];
}

export function readPopupCopy(pageUrl: string): PopupCopy | null {
  return storedCopies().find((copy) => copy.episode.url === pageUrl) ?? null;
}

export function keepPopupCopy(copy: PopupCopy): void {
  const others = storedCopies().filter((each) => each.episode.url !== copy.episode.url);
  keepLocalCopy(KEY, [copy, ...others].slice(0, KEPT));
}

/** What a journal's write needs of the copies the popup kept: which episode each one is. */
const copiedEpisodesSchema = v.array(v.looseObject({ episode: v.looseObject({ id: v.string() }) }));

function dropCopiesChangedBy(change: StoreChange): void {
  changeLocalCopy(KEY, copiedEpisodesSchema, (copies) => {
    // The queue is every copy's: a change to it (or to positions) leaves none standing.
    const kept = change.playback === true ? [] : copies.filter((copy) => !changesEpisode(change, copy.episode.id));
    return kept.length === copies.length ? copies : kept;
  });
}

/** Drops the copies each write of this page makes out of date. */
export function dropPopupCopiesOnWrite(): void {
  onLocalWrite(dropCopiesChangedBy);
}
