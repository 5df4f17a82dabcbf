/** The addresses of an episode's audio and video, from what its front matter or feed entry gives. */

/** The episode number an mp3 address of the site's feed carries, e.g. `…-Episode-262.mp3`. */
export function episodeNumberOfAudioUrl(url: string): number | null {
  const match = /Episode-(\d+)\.mp3$/i.exec(url);
  return match ? Number(match[1]) : null;
}

/** The episode number a post's address gives: `lcc-220-…`, or `…-episode-25-…` as the first years wrote it. */
const NUMBER_OF_ADDRESS = /^lcc-(\d+)-|episodes?-(\d+)(?:-|$)/;

/**
 * The number of the episode a post is: the one its address gives (`/…/lcc-220-interview…/`),
 * whatever its front matter, mp3 link or feed entry claims. One post of the site (LCC 220) names
 * episode 218 there by mistake (its notes link the 220 file); and an entry at an address that
 * gives no number is no episode, whatever it claims: it cannot take the place of LCC 262. Every
 * post of the show gives its number in its address. Where the claim disagrees, the episode's mp3
 * is the show's file of the address's number.
 */
export function numberOfPost(slug: string): number | null {
  const match = NUMBER_OF_ADDRESS.exec(slug);
  return match ? Number(match[1] ?? match[2]) : null;
}

// The file name the audio host gives every episode, under any path (`/secure/` or not) and query.
const SHOW_FILE_PREFIX = 'LesCastCodeurs-Episode-';
const SHOW_MEDIA_FILE = /^\/(?:[^?#]*\/)?LesCastCodeurs-Episode-(\d{1,5})\.mp3$/;
/** The show's audio host: the only one the player asks for an mp3 (the CSP's `media-src` says so too). */
export const SHOW_AUDIO_HOST = 'traffic.libsyn.com';

/** An address on the show's audio host, over http or https, on its own port, with no credentials. */
function onShowAudioHost(address: string): URL | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  const plain = (url.protocol === 'https:' || url.protocol === 'http:') && url.port === '' && url.username === '' && url.password === '';
  return plain && url.hostname === SHOW_AUDIO_HOST ? url : null;
}

/**
 * The address the player may ask for an episode's audio: the https form of one on the show's
 * audio host (the feed gives old episodes over http, which the host serves over https too); null
 * for any other host, another scheme, the local network: the player refuses those unasked.
 */
export function playableAudioUrl(address: string): string | null {
  const url = onShowAudioHost(address);
  return url && `https://${SHOW_AUDIO_HOST}${url.pathname}${url.search}`;
}

/**
 * The number of the show's episode a media address names, or null for any other podcast's: the
 * audio host's file name for it, or the enclosure of an archive episode (`enclosures`, address
 * → number).
 */
export function showEpisodeOfMedia(media: string, enclosures: ReadonlyMap<string, number>): number | null {
  const known = enclosures.get(media);
  if (known !== undefined) return known;
  // Most actions of a listener are other podcasts': they are dropped without parsing their address.
  if (!media.includes(SHOW_FILE_PREFIX)) return null;
  const match = SHOW_MEDIA_FILE.exec(onShowAudioHost(media)?.pathname ?? '');
  return match ? Number(match[1]) : null;
}

export function audioUrlOf(episodeNumber: number): string {
  return `https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-${episodeNumber}.mp3`;
}

/** The front matter's `youtube` holds a video id or a whole address; the page links either. */
export function videoUrlOf(youtube: string): string {
  const value = youtube.trim();
  return /^https?:\/\//i.test(value) ? value : `https://www.youtube.com/watch?v=${value}`;
}
