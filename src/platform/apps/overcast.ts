/**
 * Overcast's "All data" OPML export (overcast.fm/account/export_opml/extended): each subscribed
 * feed an `<outline type="rss">` holding an `<outline type="podcast-episode">` per episode the
 * app knows, with `played`, `progress` (seconds) and `userUpdatedDate` (the listener's last
 * change, the only time it gives: a played episode's day is that one's).
 */
import { ImportRefused } from '../../core/formats/exportFile';
import type { AppEpisode, AppHistory } from '../../core/formats/appHistory';
import type { DocumentParser } from '../html/feed';

export function looksLikeOpml(text: string): boolean {
  return /^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<opml[\s>]/.test(text);
}

const timeOf = (value: string | null): number | null => {
  const at = value === null ? Number.NaN : Date.parse(value);
  return Number.isFinite(at) ? at : null;
};

export function readOvercastOpml(text: string, parser: DocumentParser): AppHistory {
  const document = parser.parseFromString(text, 'application/xml');
  if (document.documentElement?.nodeName !== 'opml' || document.getElementsByTagName('parsererror').length > 0)
    throw new ImportRefused('not-overcast', 'OPML');
  const outlines = [...document.getElementsByTagName('outline')];
  // Every outline of Overcast's export carries its id: an OPML without them is another app's.
  if (!outlines.some((outline) => outline.hasAttribute('overcastId'))) throw new ImportRefused('not-overcast', 'overcastId');
  const episodes = outlines.flatMap((outline) => {
    const media = outline.getAttribute('enclosureUrl');
    if (outline.getAttribute('type') !== 'podcast-episode' || !media) return [];
    const played = outline.getAttribute('played') === '1';
    const changedAt = timeOf(outline.getAttribute('userUpdatedDate'));
    const progress = Number(outline.getAttribute('progress') ?? '0');
    const episode: AppEpisode = {
      media,
      played,
      playedAt: played ? changedAt : null,
      position: Number.isFinite(progress) && progress > 0 ? Math.floor(progress) : 0,
      duration: null,
      positionAt: changedAt,
      // Overcast's star is its favourite.
      favourite: outline.hasAttribute('userRecommendedDate'),
      queuePlace: null,
    };
    return [episode];
  });
  return { app: 'overcast', episodes };
}
