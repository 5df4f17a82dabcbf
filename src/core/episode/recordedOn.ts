/** The day the notes say an episode was recorded on. */
import { frenchMonth, isoDay, isRealDay } from '../text/dates';

const RECORDED_ON =
  /enregistr[ée]e?s?\s+le\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(\d{1,2})(?:er)?\s+([a-zéèêûô]+)(?:\s+(\d{4}))?/iu;

/**
 * The recording date of "Enregistré le 1er juillet 2021" (any case, an optional weekday).
 * Notes that omit the year were recorded shortly before publication, so the year is the one
 * that puts the date on or before `publishedOn`.
 */
export function parseRecordedOn(text: string, publishedOn: string): string | null {
  const match = RECORDED_ON.exec(text);
  if (!match) return null;
  const day = Number(match[1]);
  const month = frenchMonth(match[2]!);
  if (!month || day < 1 || day > 31) return null;
  let year = match[3] ? Number(match[3]) : Number(publishedOn.slice(0, 4));
  if (!match[3] && isoDay(year, month, day) > publishedOn) year -= 1;
  if (!isRealDay(year, month, day)) return null;
  return isoDay(year, month, day);
}
