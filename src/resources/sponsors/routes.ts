import { collection, type Collection } from '../../routes/collection.js'
import { listRoute } from '../../routes/list.js'
import { collectAll, pageInMemory } from '../../lib/paging.js'
import { ContractList, SponsorContractsQuery } from '../contracts/schemas.js'
import { MeetingList, SponsorMeetingsQuery } from '../meetings/schemas.js'
import { meetingFilters } from '../meetings/routes.js'
import { Sponsor, SponsorCreate, SponsorInput, SponsorList, SponsorListQuery, SponsorPatch, references } from './schemas.js'
import { buildTimeline, timelineKey } from './timeline.js'
import { Timeline, TimelineQuery } from './timeline-schemas.js'
import type { SearchMode, SearchRepository } from '../../repositories/search.js'

/** A sponsor list's filters from its query: `q`, read in `mode`, becomes a full-text query. */
export function sponsorFilters<F extends { q?: string | undefined, mode?: SearchMode | undefined }> ({ mode, ...filters }: F, search: SearchRepository): Omit<F, 'mode'> & { q: string | undefined } {
  return { ...filters, q: search.query('q', filters.q, mode) }
}

const routes: Collection = collection({
  example: 'alibaba-group',
  schemas: { read: Sponsor, list: SponsorList, query: SponsorListQuery, input: SponsorInput, create: SponsorCreate, patch: SponsorPatch },
  list: {
    description: 'Filters combine with AND. `status` and `activeOn` are derived from the sponsors\' contracts.',
    rows: (repos, query, page, today) => repos.sponsors.listJson(sponsorFilters(query, repos.search), page, today)
  },
  get: { description: 'One sponsor by id (e.g. `alibaba-group`), with the names it went by before (`formerNames`), its derived status and sources. Answers an ETag; send it back in If-None-Match for a 304.' },
  store: (repos) => repos.sponsors,
  more: (app, params) => {
    listRoute(app, {
      path: '/sponsors/:id/contracts',
      operationId: 'listSponsorContracts',
      summary: 'List a sponsor\'s contracts',
      description: 'The contracts the sponsor is party to, joint ones included; takes the filters of /v1/contracts except `sponsor`.',
      params,
      querystring: SponsorContractsQuery,
      list: ContractList,
      returns: 'A page of the sponsor\'s contracts.',
      parent: 'sponsor',
      rows: (filters, page, { id }) => app.repos.contracts.listJson({ ...filters, sponsor: id }, page, app.clock.today())
    })

    listRoute(app, {
      path: '/sponsors/:id/meetings',
      operationId: 'listSponsorMeetings',
      summary: 'List a sponsor\'s meetings with the IOC',
      description: 'The meetings the sponsor took part in; takes the filters of /v1/meetings except `sponsor`.',
      params,
      querystring: SponsorMeetingsQuery,
      list: MeetingList,
      returns: 'A page of the meetings the sponsor took part in.',
      parent: 'sponsor',
      rows: (filters, page, { id }) => app.repos.meetings.list({ ...meetingFilters(filters, app.repos.search), sponsor: id }, page)
    })

    listRoute(app, {
      path: '/sponsors/:id/timeline',
      operationId: 'getSponsorTimeline',
      summary: 'A sponsor\'s dated facts in order',
      description: 'Contract signings, starts and ends (early or at term; scheduled ones after today), meetings, other dated facts and changes of the sponsor\'s name, each with its sources, oldest first (`sort=-date`: newest first). A date of reduced precision sorts before fuller dates of the same period.',
      params,
      querystring: TimelineQuery,
      list: Timeline,
      returns: 'The sponsor\'s dated events in order.',
      parent: 'sponsor',
      rows: (_, page, { id }) => {
        const today = app.clock.today()
        const contracts = collectAll((page) => app.repos.contracts.list({ sponsor: id }, page, today), 'startsOn')
        const meetings = collectAll((page) => app.repos.meetings.list({ sponsor: id }, page), 'date')
        // The list route has checked that the sponsor exists (parent).
        const sponsor = app.repos.sponsors.get(id, today)
        const events = buildTimeline(sponsor, contracts, meetings, app.repos.facts.ofSponsor(id), today)
        return pageInMemory(events, timelineKey, { ...page, descending: page.sort === '-date' })
      }
    })
  },
  writes: (repos) => ({
    toInput: ({ status: _, sources, ...fields }) => ({ ...fields, sources: sources.map((s) => s.id) }),
    baseId: (body) => body.name,
    idFrom: 'name',
    references,
    duplicateOf: (input) => repos.integrity.sponsorNamed({ id: input.id, names: [input.name, ...(input.formerNames ?? []).map((former) => former.name)] }),
    naturalKey: 'name (in any case, against every sponsor\'s current and former names)'
  })
})

export default routes
