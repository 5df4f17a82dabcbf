/** The size of a whole listening log in `storage.sync`'s compact encoding, against its 100 KB quota. */
import { encodeForSync } from '../src/core/sync/encoding';
import { toSynced } from '../src/core/sync/plan';
import { everyEpisodeListened } from '../test/support/episodes';

const EPISODES = 359;

export function benchSync(): string[] {
  const states = everyEpisodeListened(EPISODES);
  // The most the player leaves: a position in every episode.
  const positions = states.map((state, index) => ({
    episodeId: state.episodeId,
    seconds: 97 * index,
    duration: 5400,
    updatedAt: state.updatedAt,
  }));
  const { bytes, items } = encodeForSync(states.map(toSynced), positions);
  return [
    `sync: ${Object.keys(items).length} items for a listener of every episode with a position in each (notes aside), quota 102400 bytes`,
    `sync size bytes for ${EPISODES} episodes: ${bytes}`,
  ];
}
