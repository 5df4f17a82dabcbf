/**
 * The listener's journal computed from what is stored: history by month, bookmarks and
 * statistics. Pure: the options page draws what these return.
 */
import { isoDay } from '../text/dates';
import { DAY_UNKNOWN, type EpisodeCard, type ListenedTime, type ListeningState } from '../records';

/** An episode of the journal: the state, and the episode's card when a copy of it is kept. */
export interface JournalEntry {
  state: ListeningState;
  card: EpisodeCard | null;
}

/** Each state with its episode's card; of two cards of one episode, the later in `cards` names it. */
export function journalEntries(states: ListeningState[], cards: EpisodeCard[]): JournalEntry[] {
  const byId = new Map(cards.map((card) => [card.id, card]));
  return states.map((state) => ({ state, card: byId.get(state.episodeId) ?? null }));
}

export interface MonthOfHistory {
  /** `YYYY-MM`, or DAY_UNKNOWN for the episodes heard on a day no one knows. */
  month: string;
  entries: JournalEntry[];
}

/** The day, for an order by day: an unknown one before every known one. */
const sortableDay = (day: string) => (day === DAY_UNKNOWN ? '' : day);

/** Listened episodes by month of listening, newest first, then those heard on a day unknown. */
export function historyByMonth(entries: JournalEntry[]): MonthOfHistory[] {
  const listened = entries
    .filter((entry) => entry.state.listenedOn !== null)
    .sort(
      (a, b) =>
        sortableDay(b.state.listenedOn!).localeCompare(sortableDay(a.state.listenedOn!)) ||
        b.state.updatedAt.localeCompare(a.state.updatedAt) ||
        // Marked at once (a bulk mark): the newest episode first, as the list of episodes shows them.
        (b.card?.number ?? -1) - (a.card?.number ?? -1),
    );
  const months: MonthOfHistory[] = [];
  for (const entry of listened) {
    const day = entry.state.listenedOn!;
    const month = day === DAY_UNKNOWN ? DAY_UNKNOWN : day.slice(0, 7);
    const last = months.at(-1);
    if (last?.month === month) last.entries.push(entry);
    else months.push({ month, entries: [entry] });
  }
  return months;
}

export function bookmarks(entries: JournalEntry[]): JournalEntry[] {
  return entries
    .filter((entry) => entry.state.bookmarkedAt !== null)
    .sort((a, b) => b.state.bookmarkedAt!.localeCompare(a.state.bookmarkedAt!));
}

/** The feed's mp3s are encoded at 128 kbit/s: bytes to seconds of listening. */
const AUDIO_BYTES_PER_SECOND = 128_000 / 8;

/** How long an episode lasts, from the size of its mp3. */
export function audioSeconds(bytes: number): number {
  return bytes / AUDIO_BYTES_PER_SECOND;
}

export interface ListeningStats {
  total: number;
  perYear: { year: string; count: number }[];
  /** The last twelve months, oldest first, months without a listen included. */
  lastTwelveMonths: { month: string; count: number }[];
  /** Consecutive months with at least one episode listened, up to this month or the last. */
  monthStreak: number;
  /** From the audio sizes of the episodes whose size is known. */
  estimatedHours: number;
  episodesWithoutSize: number;
}

/** `YYYY-MM` of a month counted from January of `year` (0), running over into other years. */
function monthKey(year: number, monthIndex: number): string {
  const date = new Date(Date.UTC(year, monthIndex, 1));
  return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, 1).slice(0, 7);
}

/** The last twelve months up to today's, oldest first, as `YYYY-MM`. */
function lastTwelveMonthKeys(today: Date): string[] {
  return Array.from({ length: 12 }, (_, index) => monthKey(today.getFullYear(), today.getMonth() - 11 + index));
}

/** The time really played in the extension's player: in all, per month and per year. */
export interface PlayedTimeStats {
  /** Hours of the listener's time, at the speeds they played. */
  wallHours: number;
  /** Hours of the episodes' content those covered. */
  contentHours: number;
  lastTwelveMonths: { month: string; wallHours: number }[];
  perYear: { year: string; wallHours: number }[];
}

export function playedTimeStats(times: ListenedTime[], today: Date): PlayedTimeStats {
  const byMonth = new Map(times.map((time) => [time.month, time.wallSeconds / 3600]));
  const perYear = new Map<string, number>();
  for (const time of times) perYear.set(time.month.slice(0, 4), (perYear.get(time.month.slice(0, 4)) ?? 0) + time.wallSeconds / 3600);
  return {
    wallHours: times.reduce((sum, time) => sum + time.wallSeconds, 0) / 3600,
    contentHours: times.reduce((sum, time) => sum + time.contentSeconds, 0) / 3600,
    lastTwelveMonths: lastTwelveMonthKeys(today).map((month) => ({ month, wallHours: byMonth.get(month) ?? 0 })),
    perYear: [...perYear].sort(([a], [b]) => a.localeCompare(b)).map(([year, wallHours]) => ({ year, wallHours })),
  };
}

export function listeningStats(entries: JournalEntry[], today: Date): ListeningStats {
  const listened = entries.filter((entry) => entry.state.listenedOn !== null);
  const perMonth = new Map<string, number>();
  const perYear = new Map<string, number>();
  let seconds = 0;
  let episodesWithoutSize = 0;
  for (const entry of listened) {
    const day = entry.state.listenedOn!;
    // Heard, but no one knows when: in the total, in no month or year.
    if (day !== DAY_UNKNOWN) perMonth.set(day.slice(0, 7), (perMonth.get(day.slice(0, 7)) ?? 0) + 1);
    if (day !== DAY_UNKNOWN) perYear.set(day.slice(0, 4), (perYear.get(day.slice(0, 4)) ?? 0) + 1);
    const bytes = entry.card?.audioBytes;
    if (bytes) seconds += audioSeconds(bytes);
    else episodesWithoutSize += 1;
  }
  const year = today.getFullYear();
  const month = today.getMonth();
  const lastTwelveMonths = lastTwelveMonthKeys(today).map((key) => ({ month: key, count: perMonth.get(key) ?? 0 }));
  let offset = perMonth.has(monthKey(year, month)) ? 0 : 1;
  let monthStreak = 0;
  while (perMonth.has(monthKey(year, month - offset))) {
    monthStreak += 1;
    offset += 1;
  }
  return {
    total: listened.length,
    perYear: [...perYear].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ year: key, count })),
    lastTwelveMonths,
    monthStreak,
    estimatedHours: seconds / 3600,
    episodesWithoutSize,
  };
}
