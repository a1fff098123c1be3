// A dated fact on a sponsor's timeline other than its contracts and meetings: an
// extension, a renewal, a first.
import { Type, type Static } from 'typebox'
import { Embedded, Id, ListOf, PartialDate, PartialDateRef, Ref, SourceIds, SourceSummary, Summary, writeSchemas, ListQuery } from '../../schemas/common.js'
import type { Reference } from '../resource.js'

/** A fact of the seed, for the examples. */
export const FACT_EXAMPLE_ID = 'alibaba-tmall-olympic-store-2018'

const fields = {
  date: Ref(PartialDate),
  summary: Type.String({ minLength: 1, maxLength: 2000 })
}

export const Fact = Type.Object({
  id: Ref(Id),
  sponsor: Ref(Summary),
  ...fields,
  sources: Embedded(Ref(SourceSummary))
}, {
  $id: 'Fact',
  additionalProperties: false,
  description: 'A dated fact about a sponsor, other than its contracts and meetings.',
  examples: [{
    id: FACT_EXAMPLE_ID,
    sponsor: { id: 'alibaba-group', name: 'Alibaba Group' },
    date: '2018-12',
    summary: 'The IOC and Alibaba launched the first-ever official Olympic store on Tmall.',
    sources: [
      { id: 'ltw-2018-12-17-alibaba-ioc-olympic-store', title: 'Alibaba and IOC launch first Olympic store', url: 'https://ltw.media/news/retail/alibaba-and-ioc-launch-first-olympic-store/' },
      { id: 'sportspro-2018-12-18-olympics-china-online-store', title: 'Olympics China online store: IOC and Alibaba', url: 'https://www.sportspromedia.com/news/olympics-china-online-store-ioc-alibaba/' }
    ]
  }]
})
export type Fact = Static<typeof Fact>

export const { Input: FactInput, Create: FactCreate, Patch: FactPatch } = writeSchemas('Fact', {
  sponsor: Type.Unsafe<string>({ $ref: 'Id', description: 'Id of the sponsor the fact is about.' }),
  ...fields,
  sources: SourceIds()
}, {
  create: {
    sponsor: 'alibaba-group',
    date: '2018-12',
    summary: 'The IOC and Alibaba launched an official Olympic store on Tmall.',
    sources: ['ltw-2018-12-17-alibaba-ioc-olympic-store']
  },
  patch: { date: '2018-12-17' }
})
export type FactInput = Static<typeof FactInput>

export const FactList = ListOf(Fact)

export const FACT_SORTS = ['date', 'id'] as const
export const FactListQuery = ListQuery(FACT_SORTS, 'date', {
  sponsor: Type.Optional(Ref(Id)),
  from: Type.Optional(PartialDateRef('Facts on or after this date; a partial date starts on its first day.')),
  to: Type.Optional(PartialDateRef('Facts on or before this date; a partial date lasts to its last day.')),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Text the summary contains (case-insensitive).' }))
})
export type FactListQuery = Static<typeof FactListQuery>

/** The records a fact names, by field. */
export function references (input: FactInput): Reference[] {
  return [
    { field: 'sponsor', kind: 'sponsor', ids: input.sponsor },
    { field: 'sources', kind: 'source', ids: input.sources }
  ]
}
