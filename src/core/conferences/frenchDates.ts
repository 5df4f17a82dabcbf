/**
 * The dates the show's notes give conferences, in French: "22-25 janvier 2025", "12 septembre
 * 2025", "30 septembre 2025-1 octobre 2025", and in older posts "du 23 au 26 Janvier 2019",
 * "le 1er Février 2019", "le 19-20 avril". What is certain is read; a date without its year is
 * left out rather than guessed.
 */
import { frenchMonth, isCalendarDay, isoDay } from '../text/dates';

export interface DateRange {
  /** `YYYY-MM-DD` or null */
  startsOn: string | null;
  endsOn: string | null;
}

const MONTH = '(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)';
const DAY = '(\\d{1,2})(?:er)?';
const YEAR = '(\\d{4})';

const PATTERNS: { pattern: RegExp; read: (match: RegExpExecArray) => [number, number, number, number, number, number] | null }[] = [
  // 30 septembre 2025-1 octobre 2025, du 30 septembre 2025 au 2 octobre 2025
  {
    pattern: new RegExp(`${DAY}\\s+${MONTH}\\s+${YEAR}\\s*(?:-|au)\\s*${DAY}\\s+${MONTH}\\s+${YEAR}`, 'iu'),
    read: (m) => [+m[3]!, month(m[2]!), +m[1]!, +m[6]!, month(m[5]!), +m[4]!],
  },
  // du 30 septembre au 2 octobre 2019
  {
    pattern: new RegExp(`${DAY}\\s+${MONTH}\\s*(?:-|au)\\s*${DAY}\\s+${MONTH}\\s+${YEAR}`, 'iu'),
    read: (m) => [+m[5]!, month(m[2]!), +m[1]!, +m[5]!, month(m[4]!), +m[3]!],
  },
  // 22-25 janvier 2025, du 23 au 26 Janvier 2019
  {
    pattern: new RegExp(`${DAY}\\s*(?:-|au)\\s*${DAY}\\s+${MONTH}\\s+${YEAR}`, 'iu'),
    read: (m) => [+m[4]!, month(m[3]!), +m[1]!, +m[4]!, month(m[3]!), +m[2]!],
  },
  // 12 septembre 2025, le 1er Février 2019
  {
    pattern: new RegExp(`${DAY}\\s+${MONTH}\\s+${YEAR}`, 'iu'),
    read: (m) => [+m[3]!, month(m[2]!), +m[1]!, +m[3]!, month(m[2]!), +m[1]!],
  },
];

function month(name: string): number {
  // The patterns match month names only.
  return frenchMonth(name)!;
}

const NO_DATE: DateRange = { startsOn: null, endsOn: null };

/** The first date or range of days the text gives with its year, or nulls. */
export function readFrenchDates(text: string): DateRange {
  for (const { pattern, read } of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [startYear, startMonth, startDay, endYear, endMonth, endDay] = read(match)!;
    const startsOn = isoDay(startYear, startMonth, startDay);
    const endsOn = isoDay(endYear, endMonth, endDay);
    if (!isCalendarDay(startsOn) || !isCalendarDay(endsOn) || endsOn < startsOn) return NO_DATE;
    return { startsOn, endsOn };
  }
  return NO_DATE;
}
