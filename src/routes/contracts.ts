import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { notFound } from '../lib/errors.js'
import { listResponse, pageOf } from '../lib/paging.js'
import { IdParams, Ref } from '../schemas/common.js'
import { Contract, ContractList, ContractListQuery } from '../schemas/contracts.js'
import { assertFilterRefs } from './references.js'

const tags = ['contracts']

const contracts: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/contracts', {
    schema: {
      tags,
      operationId: 'listContracts',
      summary: 'List contracts',
      description: '`activeOn` and `status` compare a contract\'s term with a day: a start of reduced precision begins on its first day, an end lasts to its last day.',
      querystring: ContractListQuery,
      response: { 200: Ref(ContractList) }
    }
  }, async (request, reply) => {
    const { sort, limit, cursor, ...filters } = request.query
    assertFilterRefs(app.repos, filters)
    const page = pageOf({ sort, limit, cursor }, 'startsOn')
    return listResponse(request, reply, app.repos.contracts.list(filters, page, app.clock.today()), page.limit)
  })

  app.get('/contracts/:id', {
    schema: {
      tags,
      operationId: 'getContract',
      summary: 'Get a contract',
      params: IdParams,
      response: { 200: Ref(Contract) }
    }
  }, async (request) => {
    const contract = app.repos.contracts.get(request.params.id, app.clock.today())
    if (contract === undefined) throw notFound('contract', request.params.id)
    return contract
  })
}

export default contracts
