import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { getById } from '../../routes/read.js'
import { registerWrites } from '../../routes/writes.js'
import type { Integrity } from '../../repositories/integrity.js'
import { ContractCreate, ContractPatch, type ContractInput, references } from './schemas.js'
import { ApiError } from '../../lib/errors.js'
import { termDays } from '../../lib/partial-date.js'
import { IdParamsOf } from '../../schemas/common.js'
import { Contract, ContractList, ContractListQuery } from './schemas.js'
import { listRoute } from '../../routes/list.js'

/** `{id}` with a seeded example, so Swagger UI's "Try it out" answers 200 without typing. */
const ContractIdParams = IdParamsOf('alibaba-group-top-2017-2028')

/** A term must not end before it starts, and TOP categories are exclusive. */
function checkContractTerms (integrity: Integrity, input: ContractInput): void {
  const { startsFirst, endsLast } = termDays(input.startsOn, input.endsOn)
  if (endsLast < startsFirst) {
    throw new ApiError('INVALID_TERM', `The contract ends (${input.endsOn ?? ''}) before it starts (${input.startsOn}).`)
  }
  const conflict = integrity.exclusivityConflict({ ...input, startsFirst, endsLast })
  if (conflict !== undefined) {
    throw new ApiError('CATEGORY_HELD',
      `Category "${conflict.category}" is held exclusively by contract "${conflict.contract}" (${conflict.sponsors}) from ${conflict.startsFirst} to ${conflict.endsLast}, which overlaps this term. A joint partnership is one contract with several sponsors.`,
      { existing: { id: conflict.contract, href: `/v1/contracts/${conflict.contract}` } })
  }
}

const contracts: FastifyPluginAsyncTypebox = async (app) => {
  listRoute(app, {
    path: '/contracts',
    operationId: 'listContracts',
    summary: 'List contracts',
    description: '`activeOn` and `status` compare a contract\'s term with a day: a start of reduced precision begins on its first day, an end lasts to its last day.',
    querystring: ContractListQuery,
    list: ContractList,
    returns: 'A page of contracts, with the cursor of the next.',
    sort: 'startsOn',
    rows: (filters, page) => app.repos.contracts.list(filters, page, app.clock.today())
  })

  getById(app, { kind: 'contract', path: 'contracts', params: ContractIdParams, schema: Contract, get: (id) => app.repos.contracts.get(id, app.clock.today()) }, {
    summary: 'Get a contract',
    description: 'One contract by id: its sponsors (several for a joint partnership), categories, term, the Games it covers, its derived status and sources.'
  })

  registerWrites<ContractInput, Contract>(app, {
    params: ContractIdParams,
    kind: 'contract',
    path: 'contracts',
    schemas: { Create: ContractCreate, Patch: ContractPatch, Read: Contract },
    get: (id, today) => app.repos.contracts.get(id, today),
    toInput: ({ status: _, sponsors, categories, games, sources, ...fields }) => ({
      ...fields,
      sponsors: sponsors.map((s) => s.id),
      categories: categories.map((c) => c.id),
      games: games.map((g) => g.id),
      sources: sources.map((s) => s.id)
    }),
    upsert: (input) => { app.repos.contracts.upsert(input) },
    remove: (id) => { app.repos.contracts.remove(id) },
    baseId: (body) => `${body.sponsors[0] ?? 'contract'} top ${body.startsOn.slice(0, 4)}`,
    idFrom: 'first sponsor and the start year',
    references,
    check: (input) => { checkContractTerms(app.repos.integrity, input) },
    duplicateOf: (input) => app.repos.integrity.sameContract({ ...input, ...termDays(input.startsOn, input.endsOn) }),
    naturalKey: 'sponsors, categories and term (the same sponsors holding one category over overlapping terms is one contract)'
  })
}

export default contracts
