import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { notFound } from '../lib/errors.js'
import { listResponse, pageOf } from '../lib/paging.js'
import { IdParams, Ref } from '../schemas/common.js'
import { ContractList, SponsorContractsQuery } from '../schemas/contracts.js'
import { MeetingList, SponsorMeetingsQuery } from '../schemas/meetings.js'
import { Sponsor, SponsorList, SponsorListQuery } from '../schemas/sponsors.js'
import { meetingFilters } from './meetings.js'
import { assertFilterRefs, assertParent } from './references.js'

const tags = ['sponsors']

const sponsors: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/sponsors', {
    schema: {
      tags,
      operationId: 'listSponsors',
      summary: 'List sponsors',
      description: 'Filters combine with AND. `status` and `activeOn` are derived from the sponsors\' contracts.',
      querystring: SponsorListQuery,
      response: { 200: Ref(SponsorList) }
    }
  }, async (request, reply) => {
    const { sort, limit, cursor, ...filters } = request.query
    assertFilterRefs(app.repos, { category: filters.category, games: filters.games })
    const page = pageOf({ sort, limit, cursor }, 'name')
    return listResponse(request, reply, app.repos.sponsors.list(filters, page, app.clock.today()), page.limit)
  })

  app.get('/sponsors/:id', {
    schema: {
      tags,
      operationId: 'getSponsor',
      summary: 'Get a sponsor',
      params: IdParams,
      response: { 200: Ref(Sponsor) }
    }
  }, async (request) => {
    const sponsor = app.repos.sponsors.get(request.params.id, app.clock.today())
    if (sponsor === undefined) throw notFound('sponsor', request.params.id)
    return sponsor
  })

  app.get('/sponsors/:id/contracts', {
    schema: {
      tags,
      operationId: 'listSponsorContracts',
      summary: 'List a sponsor\'s contracts',
      params: IdParams,
      querystring: SponsorContractsQuery,
      response: { 200: Ref(ContractList) }
    }
  }, async (request, reply) => {
    const { id } = request.params
    assertParent(app.repos, 'sponsor', id)
    const { sort, limit, cursor, ...filters } = request.query
    assertFilterRefs(app.repos, { category: filters.category, games: filters.games })
    const page = pageOf({ sort, limit, cursor }, 'startsOn')
    return listResponse(request, reply, app.repos.contracts.list({ ...filters, sponsor: id }, page, app.clock.today()), page.limit)
  })

  app.get('/sponsors/:id/meetings', {
    schema: {
      tags,
      operationId: 'listSponsorMeetings',
      summary: 'List a sponsor\'s meetings with the IOC',
      params: IdParams,
      querystring: SponsorMeetingsQuery,
      response: { 200: Ref(MeetingList) }
    }
  }, async (request, reply) => {
    const { id } = request.params
    assertParent(app.repos, 'sponsor', id)
    const { sort, limit, cursor, ...filters } = request.query
    const page = pageOf({ sort, limit, cursor }, 'date')
    return listResponse(request, reply, app.repos.meetings.list({ ...meetingFilters(filters), sponsor: id }, page), page.limit)
  })
}

export default sponsors
