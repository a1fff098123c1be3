import { collection, type Collection } from '../../routes/collection.js'
import type { Integrity } from '../../repositories/integrity.js'
import { ApiError } from '../../lib/errors.js'
import { termDays } from '../../lib/partial-date.js'
import { Contract, ContractCreate, ContractInput, ContractList, ContractListQuery, ContractPatch, references } from './schemas.js'

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

const routes: Collection = collection({
  example: 'alibaba-group-top-2017-2028',
  schemas: { read: Contract, list: ContractList, query: ContractListQuery, input: ContractInput, create: ContractCreate, patch: ContractPatch },
  list: {
    description: '`activeOn` and `status` compare a contract\'s term with a day: a start of reduced precision begins on its first day, an end lasts to its last day.',
    rows: (repos, filters, page, today) => repos.contracts.listJson(filters, page, today)
  },
  get: { description: 'One contract by id: its sponsors (several for a joint partnership), categories, term, the Games it covers, its derived status and sources.' },
  store: (repos) => repos.contracts,
  writes: (repos) => ({
    toInput: ({ status: _, sponsors, categories, games, sources, ...fields }) => ({
      ...fields,
      sponsors: sponsors.map((s) => s.id),
      categories: categories.map((c) => c.id),
      games: games.map((g) => g.id),
      sources: sources.map((s) => s.id)
    }),
    baseId: (body) => `${body.sponsors[0] ?? 'contract'} top ${body.startsOn.slice(0, 4)}`,
    idFrom: 'first sponsor and the start year',
    references,
    check: (input) => { checkContractTerms(repos.integrity, input) },
    duplicateOf: (input) => repos.integrity.sameContract({ ...input, ...termDays(input.startsOn, input.endsOn) }),
    naturalKey: 'sponsors, categories and term (the same sponsors holding one category over overlapping terms is one contract)'
  })
})

export default routes
