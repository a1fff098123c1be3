import { isoDay } from './partial-date.js'

/** Where "today" comes from: the wall clock in production, a fixed date in tests. */
export interface Clock {
  today: () => string
}

export function systemClock (): Clock {
  return { today: () => isoDay(new Date()) }
}

export function fixedClock (day: string): Clock {
  return { today: () => day }
}
