import { isoDay } from './partial-date.js'

/** Where "now" comes from: the wall clock in production, a fixed moment in tests. */
export interface Clock {
  /** Today's date (UTC), YYYY-MM-DD. */
  today: () => string
  /** The current instant, ISO 8601. */
  now: () => string
}

const DAY_MS = 86_400_000

/**
 * The wall clock. Every cached read asks for today (it is part of the cache's version),
 * so the date is formatted once a day, not once a request: it is kept until the clock
 * leaves that UTC day, either way.
 */
export function systemClock (millis: () => number = Date.now): Clock {
  let day = ''
  let dayStart = Number.POSITIVE_INFINITY
  return {
    today: () => {
      const now = millis()
      if (now < dayStart || now >= dayStart + DAY_MS) {
        dayStart = Math.floor(now / DAY_MS) * DAY_MS
        day = isoDay(new Date(now))
      }
      return day
    },
    now: () => new Date(millis()).toISOString()
  }
}

export function fixedClock (day: string): Clock {
  return { today: () => day, now: () => `${day}T12:00:00.000Z` }
}
