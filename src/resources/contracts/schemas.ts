import { Type, type Static } from 'typebox'
import { RefIds, SourceIds, SOURCE_EXAMPLE, Embedded, writeSchemas, CountryCode, Day, Id, ListOf, Nullable, PartialDate, PartialDateRef, Ref, SourceSummary, StringEnum, Summary, ListQuery } from '../../schemas/common.js'
import type { Reference } from '../resource.js'

export const CONTRACT_STATUSES = ['upcoming', 'active', 'expired'] as const

const fields = {
  programme: StringEnum(['TOP'] as const),
  signedOn: Nullable(Ref(PartialDate)),
  startsOn: Ref(PartialDate),
  endsOn: Nullable(PartialDateRef('End of the term (or of an early end); null while open-ended.')),
  territory: Type.String({ minLength: 1, maxLength: 200, examples: ['worldwide'] }),
  endedEarly: Type.Boolean({ description: 'True when the contract ended before its term.' }),
  notes: Nullable(Type.String({ maxLength: 4000 }))
}


export const Contract = Type.Object({
  id: Ref(Id),
  sponsors: Embedded(Ref(Summary), 'One sponsor, or several for a joint partnership.'),
  categories: Embedded(Ref(Summary)),
  programme: fields.programme,
  signedOn: fields.signedOn,
  startsOn: fields.startsOn,
  endsOn: fields.endsOn,
  games: Embedded(Ref(Summary), 'The Games editions the contract covers.'),
  territory: fields.territory,
  endedEarly: fields.endedEarly,
  notes: fields.notes,
  status: StringEnum(CONTRACT_STATUSES, { description: 'Derived from the dates and today (UTC).' }),
  sources: Embedded(Ref(SourceSummary))
}, {
  $id: 'Contract',
  additionalProperties: false,
  description: 'The terms of one TOP agreement.',
  examples: [{
    id: 'alibaba-group-top-2017-2028',
    sponsors: [{ id: 'alibaba-group', name: 'Alibaba Group' }],
    categories: [{ id: 'cloud-services', name: 'Cloud Services' }, { id: 'e-commerce-platform-services', name: 'E-Commerce Platform Services' }],
    programme: 'TOP',
    signedOn: '2017-01',
    startsOn: '2017-01',
    endsOn: '2028',
    games: [{ id: 'pyeongchang-2018', name: 'PyeongChang 2018' }, { id: 'la-2028', name: 'LA 2028' }],
    territory: 'worldwide',
    endedEarly: false,
    notes: 'Announced on 19 January 2017 at the World Economic Forum in Davos.',
    status: 'active',
    sources: [SOURCE_EXAMPLE]
  }]
})
export type Contract = Static<typeof Contract>

export const { Input: ContractInput, Create: ContractCreate, Patch: ContractPatch } = writeSchemas('Contract', {
  sponsors: RefIds('sponsors'),
  categories: RefIds('categories'),
  ...fields,
  games: RefIds('Games editions covered', { minItems: 0 }),
  sources: SourceIds()
}, {
  create: {
    sponsors: ['alibaba-group'],
    categories: ['cloud-services'],
    programme: 'TOP',
    signedOn: null,
    startsOn: '2029',
    endsOn: '2032',
    games: [],
    territory: 'worldwide',
    endedEarly: false,
    notes: 'Illustrative, not a recorded contract: the 2017–2028 contract already covers this category, so an example over that term would be a 409 DUPLICATE_RECORD.',
    sources: [SOURCE_EXAMPLE.id]
  },
  patch: { notes: 'Announced on 19 January 2017 at the World Economic Forum in Davos.' }
}, { territory: 'worldwide' })
export type ContractInput = Static<typeof ContractInput>

export const ContractList = ListOf(Contract)

export const CONTRACT_SORTS = ['startsOn', 'endsOn', 'id'] as const
export const contractFilters = {
  category: Type.Optional(Ref(Id)),
  games: Type.Optional(Ref(Id)),
  activeOn: Type.Optional(Day('Contracts running on this day.')),
  status: Type.Optional(StringEnum(CONTRACT_STATUSES))
}
export const ContractListQuery = ListQuery(CONTRACT_SORTS, 'startsOn', {
  sponsor: Type.Optional(Ref(Id)),
  country: Type.Optional(Ref(CountryCode)),
  programme: Type.Optional(Type.Unsafe<string>({ $ref: 'Id', description: 'A programme edition\'s id (e.g. `top-viii`): contracts whose term overlaps its period.' })),
  ...contractFilters
})
export type ContractListQuery = Static<typeof ContractListQuery>

export const SponsorContractsQuery = ListQuery(CONTRACT_SORTS, 'startsOn', contractFilters)

/** The records a contract names, by field. */
export function references (input: ContractInput): Reference[] {
  return [
    { field: 'sponsors', kind: 'sponsor', ids: input.sponsors },
    { field: 'categories', kind: 'category', ids: input.categories },
    { field: 'games', kind: 'game', ids: input.games },
    { field: 'sources', kind: 'source', ids: input.sources }
  ]
}
