import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { getById } from '../../routes/read.js'
import { registerWrites } from '../../routes/writes.js'
import { MeetingCreate, MeetingPatch, type MeetingInput, references } from './schemas.js'
import { badParameter } from '../../lib/errors.js'
import { firstDay, lastDay } from '../../lib/partial-date.js'
import type { MeetingFilters } from './repository.js'
import type { SearchMode, SearchRepository } from '../../repositories/search.js'
import { IdParamsOf } from '../../schemas/common.js'
import { Meeting, MeetingList, MeetingListQuery } from './schemas.js'
import { listRoute } from '../../routes/list.js'

/** `{id}` with a seeded example, so Swagger UI's "Try it out" answers 200 without typing. */
const MeetingIdParams = IdParamsOf('bach-ma-lausanne-2019-01-23')

/** `from` starts on its first day, `to` lasts to its last day; `from` may not follow `to`. */
export function meetingFilters (query: { participant?: string | undefined, from?: string | undefined, to?: string | undefined, q?: string | undefined, mode?: SearchMode | undefined }, search: SearchRepository): MeetingFilters {
  const from = query.from === undefined ? undefined : firstDay(query.from)
  const to = query.to === undefined ? undefined : lastDay(query.to)
  if (from !== undefined && to !== undefined && from > to) {
    throw badParameter('from', `must not be after "to" (${query.from} is after ${query.to})`)
  }
  return { participant: query.participant, from, to, q: search.query('q', query.q, query.mode) }
}

const meetings: FastifyPluginAsyncTypebox = async (app) => {
  listRoute(app, {
    path: '/meetings',
    operationId: 'listMeetings',
    summary: 'List meetings',
    description: 'A meeting dated only to a month or year matches `from`/`to` when its period overlaps the range.',
    querystring: MeetingListQuery,
    list: MeetingList,
    returns: 'A page of meetings, with the cursor of the next.',
    sort: 'date',
    rows: ({ sponsor, ...filters }, page) => app.repos.meetings.list({ ...meetingFilters(filters, app.repos.search), sponsor }, page)
  })

  getById(app, { kind: 'meeting', path: 'meetings', params: MeetingIdParams, schema: Meeting, get: (id) => app.repos.meetings.get(id) }, {
    summary: 'Get a meeting',
    description: 'One meeting by id: its date, place, sponsors, participants, summary, quotes and sources.'
  })

  registerWrites<MeetingInput, Meeting>(app, {
    params: MeetingIdParams,
    kind: 'meeting',
    path: 'meetings',
    schemas: { Create: MeetingCreate, Patch: MeetingPatch, Read: Meeting },
    get: (id) => app.repos.meetings.get(id),
    toInput: ({ sponsors, sources, ...fields }) => ({ ...fields, sponsors: sponsors.map((s) => s.id), sources: sources.map((s) => s.id) }),
    upsert: (input) => { app.repos.meetings.upsert(input) },
    remove: (id) => { app.repos.meetings.remove(id) },
    baseId: (body) => `${body.sponsors[0] ?? 'meeting'} ${body.location.city ?? ''} ${body.date}`,
    idFrom: 'first sponsor, the city and the date',
    references,
    duplicateOf: (input) => app.repos.integrity.sameMeeting({ id: input.id, date: input.date, sponsors: input.sponsors, city: input.location.city }),
    naturalKey: 'date, sponsors and city (in any case)'
  })
}

export default meetings
