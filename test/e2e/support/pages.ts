/** The pages of the corpus the browser tests open, named once: posts by file, pages by address. */

/** Post files of `../shared/corpus/posts` (without `.md`) the tests read and open. */
export const POSTS = {
  news: '2026-05-12-lcc-340-episode-on-l-voit-on-l-voit-pas',
  interview: '2021-09-02-lcc-262-interview-cloud-de-confiance-avec-quentin-adam',
  early: '2009-04-12-les-cast-codeurs-podcast-episode-1',
} as const;

/** The site's address of a post's page, `/YYYY/MM/DD/slug/`. */
export function pathOfPost(post: string): string {
  const [, year, month, day, slug] = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/.exec(post)!;
  return `/${year}/${month}/${day}/${slug}/`;
}

/** LCC 262, an interview: the episode most journeys use. */
export const LCC_262 = pathOfPost(POSTS.interview);
/** LCC 340, a news episode: 57 links by news item, a conference table. */
export const LCC_340 = pathOfPost(POSTS.news);
