import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { getById } from '../../routes/read.js'
import { registerWrites } from '../../routes/writes.js'
import { SponsorCreate, SponsorPatch, type SponsorInput, references } from './schemas.js'
import { IdParamsOf } from '../../schemas/common.js'
import { ContractList, SponsorContractsQuery } from '../contracts/schemas.js'
import { MeetingList, SponsorMeetingsQuery } from '../meetings/schemas.js'
import { Sponsor, SponsorList, SponsorListQuery } from './schemas.js'
import { meetingFilters } from '../meetings/routes.js'
import { buildTimeline, timelineKey } from './timeline.js'
import { Timeline, TimelineQuery } from './timeline-schemas.js'
import { collectAll, pageInMemory } from '../../lib/paging.js'
import { listRoute } from '../../routes/list.js'

/** `{id}` with a seeded example, so Swagger UI's "Try it out" answers 200 without typing. */
const SponsorIdParams = IdParamsOf('alibaba-group')

const sponsors: FastifyPluginAsyncTypebox = async (app) => {
  listRoute(app, {
    path: '/sponsors',
    operationId: 'listSponsors',
    summary: 'List sponsors',
    description: 'Filters combine with AND. `status` and `activeOn` are derived from the sponsors\' contracts.',
    querystring: SponsorListQuery,
    list: SponsorList,
    returns: 'A page of sponsors, with the cursor of the next.',
    sort: 'name',
    rows: ({ mode, ...filters }, page) => app.repos.sponsors.list({ ...filters, q: app.repos.search.query('q', filters.q, mode) }, page, app.clock.today())
  })

  getById(app, { kind: 'sponsor', path: 'sponsors', params: SponsorIdParams, schema: Sponsor, get: (id) => app.repos.sponsors.get(id, app.clock.today()) }, {
    summary: 'Get a sponsor',
    description: 'One sponsor by id (e.g. `alibaba-group`), with the names it went by before (`formerNames`), its derived status and sources. Answers an ETag; send it back in If-None-Match for a 304.'
  })

  listRoute(app, {
    path: '/sponsors/:id/contracts',
    operationId: 'listSponsorContracts',
    summary: 'List a sponsor\'s contracts',
    description: 'The contracts the sponsor is party to, joint ones included; takes the filters of /v1/contracts except `sponsor`.',
    params: SponsorIdParams,
    querystring: SponsorContractsQuery,
    list: ContractList,
    returns: 'A page of the sponsor\'s contracts.',
    parent: 'sponsor',
    sort: 'startsOn',
    rows: (filters, page, { id }) => app.repos.contracts.list({ ...filters, sponsor: id }, page, app.clock.today())
  })

  listRoute(app, {
    path: '/sponsors/:id/meetings',
    operationId: 'listSponsorMeetings',
    summary: 'List a sponsor\'s meetings with the IOC',
    description: 'The meetings the sponsor took part in; takes the filters of /v1/meetings except `sponsor`.',
    params: SponsorIdParams,
    querystring: SponsorMeetingsQuery,
    list: MeetingList,
    returns: 'A page of the meetings the sponsor took part in.',
    parent: 'sponsor',
    sort: 'date',
    rows: (filters, page, { id }) => app.repos.meetings.list({ ...meetingFilters(filters, app.repos.search), sponsor: id }, page)
  })

  listRoute(app, {
    path: '/sponsors/:id/timeline',
    operationId: 'getSponsorTimeline',
    summary: 'A sponsor\'s dated facts in order',
    description: 'Contract signings, starts and ends (early or at term; scheduled ones after today), meetings and other dated facts, each with its sources, oldest first (`sort=-date`: newest first). A date of reduced precision sorts before fuller dates of the same period.',
    params: SponsorIdParams,
    querystring: TimelineQuery,
    list: Timeline,
    returns: 'The sponsor\'s dated events in order.',
    parent: 'sponsor',
    sort: 'date',
    rows: (_, page, { id }) => {
      const today = app.clock.today()
      const contracts = collectAll((page) => app.repos.contracts.list({ sponsor: id }, page, today), 'startsOn')
      const meetings = collectAll((page) => app.repos.meetings.list({ sponsor: id }, page), 'date')
      const events = buildTimeline(contracts, meetings, app.repos.facts.ofSponsor(id), today)
      return pageInMemory(events, timelineKey, { ...page, descending: page.sort === '-date' })
    }
  })

  registerWrites<SponsorInput, Sponsor>(app, {
    params: SponsorIdParams,
    kind: 'sponsor',
    path: 'sponsors',
    schemas: { Create: SponsorCreate, Patch: SponsorPatch, Read: Sponsor },
    get: (id, today) => app.repos.sponsors.get(id, today),
    toInput: ({ status: _, sources, ...fields }) => ({ ...fields, sources: sources.map((s) => s.id) }),
    upsert: (input) => { app.repos.sponsors.upsert(input) },
    remove: (id) => { app.repos.sponsors.remove(id) },
    baseId: (body) => body.name,
    idFrom: 'name',
    references,
    duplicateOf: (input) => app.repos.integrity.sponsorNamed({ id: input.id, names: [input.name, ...(input.formerNames ?? []).map((former) => former.name)] }),
    naturalKey: 'name (in any case, against every sponsor\'s current and former names)'
  })
}

export default sponsors
