// Partial ISO 8601 dates: "2017", "2017-01" or "2017-01-19", of the precision a
// source gives. A start of reduced precision begins on its first day, an end of
// reduced precision lasts to its last day.

export const PARTIAL_DATE_PATTERN = '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$'
const partialDate = new RegExp(PARTIAL_DATE_PATTERN)

function daysInMonth (year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** True for "2017", "2017-01" and real calendar days such as "2024-02-29" (not "2019-02-30"). */
export function isPartialDate (value: string): boolean {
  if (!partialDate.test(value)) return false
  if (value.length < 10) return true
  const year = Number(value.slice(0, 4))
  const month = Number(value.slice(5, 7))
  const day = Number(value.slice(8, 10))
  return day <= daysInMonth(year, month)
}

/** The first calendar day a partial date covers. */
export function firstDay (value: string): string {
  if (value.length === 4) return `${value}-01-01`
  if (value.length === 7) return `${value}-01`
  return value
}

/** The last calendar day a partial date covers. */
export function lastDay (value: string): string {
  if (value.length === 4) return `${value}-12-31`
  if (value.length === 7) {
    const last = daysInMonth(Number(value.slice(0, 4)), Number(value.slice(5, 7)))
    return `${value}-${String(last).padStart(2, '0')}`
  }
  return value
}

/** The first and last day of a term; an open end (null) lasts to 9999-12-31, as the stored `ends_last`. */
export function termDays (startsOn: string, endsOn: string | null): { startsFirst: string, endsLast: string } {
  return { startsFirst: firstDay(startsOn), endsLast: endsOn === null ? '9999-12-31' : lastDay(endsOn) }
}

/** A term whose end comes before its start. */
export function endsBeforeItStarts (term: { startsOn: string, endsOn: string | null }): boolean {
  const { startsFirst, endsLast } = termDays(term.startsOn, term.endsOn)
  return endsLast < startsFirst
}

/** Today's calendar date (UTC) as YYYY-MM-DD. */
export function isoDay (date: Date): string {
  return date.toISOString().slice(0, 10)
}
