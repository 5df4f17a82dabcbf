/**
 * The show's artwork, loaded from the site as its pages load it, over a plain tile that stays
 * when the image cannot come (offline, the site down): the image is shown only once it has loaded,
 * so a listener never sees a broken image or a jump. Decorative: the title beside it names the show.
 */
import { useState } from 'preact/hooks';
import { MicVocal } from 'lucide';
import { SHOW_ARTWORK_URL } from '../core/episode/urls';
import { Icon } from './Icon';

export function ShowArtwork({ size }: { size: number }) {
  const [loaded, setLoaded] = useState(false);
  return (
    <span class="artwork" style={{ width: `${size}px`, height: `${size}px` }} aria-hidden="true">
      {!loaded && <Icon node={MicVocal} size={Math.round(size / 2)} />}
      <img
        src={SHOW_ARTWORK_URL}
        alt=""
        width={size}
        height={size}
        decoding="async"
        referrerpolicy="no-referrer"
        hidden={!loaded}
        onLoad={() => setLoaded(true)}
      />
    </span>
  );
}
