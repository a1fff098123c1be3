import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { badParameter, notFound } from '../lib/errors.js'
import { listResponse, pageOf } from '../lib/paging.js'
import { firstDay, lastDay } from '../lib/partial-date.js'
import type { MeetingFilters } from '../repositories/meetings.js'
import type { SearchRepository } from '../repositories/search.js'
import { IdParams, Ref } from '../schemas/common.js'
import { Meeting, MeetingList, MeetingListQuery } from '../schemas/meetings.js'
import { assertFilterRefs } from './references.js'

const tags = ['meetings']

/** `from` starts on its first day, `to` lasts to its last day; `from` may not follow `to`. */
export function meetingFilters (query: { participant?: string | undefined, from?: string | undefined, to?: string | undefined, q?: string | undefined }, search: SearchRepository): MeetingFilters {
  const from = query.from === undefined ? undefined : firstDay(query.from)
  const to = query.to === undefined ? undefined : lastDay(query.to)
  if (from !== undefined && to !== undefined && from > to) {
    throw badParameter('from', `must not be after "to" (${query.from} is after ${query.to})`)
  }
  const q = query.q === undefined ? undefined : search.query('q', query.q)
  return { participant: query.participant, from, to, q }
}

const meetings: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/meetings', {
    schema: {
      tags,
      operationId: 'listMeetings',
      summary: 'List meetings',
      description: 'A meeting dated only to a month or year matches `from`/`to` when its period overlaps the range.',
      querystring: MeetingListQuery,
      response: { 200: Ref(MeetingList) }
    }
  }, async (request, reply) => {
    const { sort, limit, cursor, sponsor, ...filters } = request.query
    assertFilterRefs(app.repos, { sponsor })
    const page = pageOf({ sort, limit, cursor }, 'date')
    return listResponse(request, reply, app.repos.meetings.list({ ...meetingFilters(filters, app.repos.search), sponsor }, page), page.limit)
  })

  app.get('/meetings/:id', {
    schema: {
      tags,
      operationId: 'getMeeting',
      summary: 'Get a meeting',
      params: IdParams,
      response: { 200: Ref(Meeting) }
    }
  }, async (request) => {
    const meeting = app.repos.meetings.get(request.params.id)
    if (meeting === undefined) throw notFound('meeting', request.params.id)
    return meeting
  })
}

export default meetings
