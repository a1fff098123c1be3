import { isoDay } from './partial-date.js'

/** Where "now" comes from: the wall clock in production, a fixed moment in tests. */
export interface Clock {
  /** Today's date (UTC), YYYY-MM-DD. */
  today: () => string
  /** The current instant, ISO 8601. */
  now: () => string
}

export function systemClock (): Clock {
  return { today: () => isoDay(new Date()), now: () => new Date().toISOString() }
}

export function fixedClock (day: string): Clock {
  return { today: () => day, now: () => `${day}T12:00:00.000Z` }
}
