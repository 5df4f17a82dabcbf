import { titleWithoutNumber } from './episodeTitle';
import { t } from './i18n';

/** "LCC 262 Interview Cloud de Confiance…": the number once, then the title, for lists and labels. */
export function episodeName({ number, title }: { number: number | null; title: string }): string {
  return number === null ? title : `${t('episodeNumber', number)} ${titleWithoutNumber(title, number)}`;
}
