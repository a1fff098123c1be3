import { collection, type Collection } from '../../routes/collection.js'
import { badParameter } from '../../lib/errors.js'
import { firstDay, lastDay } from '../../lib/partial-date.js'
import type { MeetingFilters } from './repository.js'
import type { SearchMode, SearchRepository } from '../../repositories/search.js'
import { Meeting, MeetingCreate, MeetingInput, MeetingList, MeetingListQuery, MeetingPatch, references } from './schemas.js'

/** `from` starts on its first day, `to` lasts to its last day; `from` may not follow `to`. */
export function meetingFilters (query: { participant?: string | undefined, from?: string | undefined, to?: string | undefined, q?: string | undefined, mode?: SearchMode | undefined }, search: SearchRepository): MeetingFilters {
  const from = query.from === undefined ? undefined : firstDay(query.from)
  const to = query.to === undefined ? undefined : lastDay(query.to)
  if (from !== undefined && to !== undefined && from > to) {
    throw badParameter('from', `must not be after "to" (${query.from} is after ${query.to})`)
  }
  return { participant: query.participant, from, to, q: search.query('q', query.q, query.mode) }
}

const routes: Collection = collection({
  example: 'bach-ma-lausanne-2019-01-23',
  schemas: { read: Meeting, list: MeetingList, query: MeetingListQuery, input: MeetingInput, create: MeetingCreate, patch: MeetingPatch },
  list: {
    description: 'A meeting dated only to a month or year matches `from`/`to` when its period overlaps the range.',
    rows: (repos, { sponsor, ...filters }, page) => repos.meetings.list({ ...meetingFilters(filters, repos.search), sponsor }, page)
  },
  get: { description: 'One meeting by id: its date, place, sponsors, participants, summary, quotes and sources.' },
  store: (repos) => repos.meetings,
  writes: (repos) => ({
    toInput: ({ sponsors, sources, ...fields }) => ({ ...fields, sponsors: sponsors.map((s) => s.id), sources: sources.map((s) => s.id) }),
    baseId: (body) => `${body.sponsors[0] ?? 'meeting'} ${body.location.city ?? ''} ${body.date}`,
    idFrom: 'first sponsor, the city and the date',
    references,
    duplicateOf: (input) => repos.integrity.sameMeeting({ id: input.id, date: input.date, sponsors: input.sponsors, city: input.location.city }),
    naturalKey: 'date, sponsors and city (in any case)'
  })
})

export default routes
