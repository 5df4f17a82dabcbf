/** The size of a whole listening log in `storage.sync`'s compact encoding, against its 100 KB quota. */
import { encodeForSync } from '../src/core/sync/encoding';
import { everyEpisodeListened } from '../test/support/episodes';

const EPISODES = 359;

export function benchSync(): string[] {
  const { bytes, items } = encodeForSync(everyEpisodeListened(EPISODES));
  return [
    `sync: ${Object.keys(items).length} items for a listener of every episode (notes aside), quota 102400 bytes`,
    `sync size bytes for ${EPISODES} episodes: ${bytes}`,
  ];
}
