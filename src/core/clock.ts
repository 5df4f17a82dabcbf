/**
 * Where every rule that needs "now" or "today" takes it from. The contexts pass the system's;
 * a test passes one it moves, so that nothing it checks depends on the day it runs or its zone.
 */
export interface Clock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
