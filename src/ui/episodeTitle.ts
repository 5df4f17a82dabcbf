/**
 * An episode's title without the number it starts with ("LCC 262 - …", "Les Cast Codeurs Podcast -
 * Episode 25 - …"): the views show the number on its own, once.
 */
const NUMBERED_TITLE = /^(?:LCC|Les Cast Codeurs(?: Podcast)?\s*-?\s*[EÉ]pisode)\s*(\d+)\s*[-–—:]\s*/i;

export function titleWithoutNumber(title: string, number: number | null): string {
  const match = NUMBERED_TITLE.exec(title);
  if (!match || Number(match[1]) !== number || match[0].length === title.length) return title;
  return title.slice(match[0].length);
}
