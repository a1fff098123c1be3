import { Type, type Static } from 'typebox'
import { SOURCE_EXAMPLE, PageMeta, Embedded, SourceIds, writeSchemas, Day, Id, ListOf, Nullable, PartialDate, Ref, SourceSummary, Summary, ListQuery } from '../../schemas/common.js'
import { citesSources, type Reference } from '../resource.js'

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200, examples: ['Cloud Services'] }),
  description: Nullable(Type.String({ maxLength: 2000 }))
}

export const Category = Type.Object({ id: Ref(Id), ...fields, sources: Embedded(Ref(SourceSummary)) }, {
  $id: 'Category',
  additionalProperties: false,
  description: 'A TOP product category.',
  examples: [{ id: 'cloud-services', name: 'Cloud Services', description: 'Cloud computing services.', sources: [SOURCE_EXAMPLE] }]
})
export type Category = Static<typeof Category>

export const { Input: CategoryInput, Create: CategoryCreate, Patch: CategoryPatch } = writeSchemas('Category', { ...fields, sources: SourceIds() }, {
  create: { name: 'Cloud Services', description: 'Cloud computing services.', sources: [SOURCE_EXAMPLE.id] },
  patch: { description: 'Cloud computing services for the Olympic Movement.' }
})
export type CategoryInput = Static<typeof CategoryInput>

export const CategoryList = ListOf(Category)

export const CategoryListQuery = ListQuery(['name', 'id'], 'name', {})

export const Holder = Type.Object({
  sponsor: Ref(Summary),
  contract: Type.Object({
    id: Ref(Id),
    startsOn: Ref(PartialDate),
    endsOn: Nullable(Ref(PartialDate))
  }, { additionalProperties: false })
}, { $id: 'Holder', additionalProperties: false, description: 'A sponsor holding a category, with the contract that grants it.' })

export const HolderList = Type.Object({
  data: Type.Array(Ref(Holder), { maxItems: 100, description: 'One page, at most `limit` holders.' }),
  meta: PageMeta({ on: Day('The day asked about.') })
}, {
  $id: 'HolderList',
  additionalProperties: false,
  examples: [{
    data: [{ sponsor: { id: 'alibaba-group', name: 'Alibaba Group' }, contract: { id: 'alibaba-group-top-2017-2028', startsOn: '2017-01', endsOn: '2028' } }],
    meta: { on: '2024-07-26', total: 1, limit: 20, nextCursor: null }
  }]
})
export type HolderList = Static<typeof HolderList>

export const HoldersQuery = ListQuery(['startsOn'] as const, 'startsOn', {
  on: Type.Optional(Day('The day to ask about, YYYY-MM-DD. Default: today (UTC).'))
})

/** A categorie names nothing but its sources. */
export const references = (input: CategoryInput): Reference[] => citesSources(input)
