import { Type, type Static } from 'typebox'
import { SourceIds, writeSchemas, Day, Id, ListOf, Nullable, PartialDate, Ref, SortParam, SourceSummary, Summary, Limit, Cursor } from './common.js'

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200, examples: ['Cloud Services'] }),
  description: Nullable(Type.String({ maxLength: 2000 }))
}

export const Category = Type.Object({ id: Type.String(), ...fields, sources: Type.Array(Ref(SourceSummary)) }, {
  $id: 'Category',
  additionalProperties: false,
  description: 'A TOP product category.'
})
export type Category = Static<typeof Category>

export const { Input: CategoryInput, Create: CategoryCreate, Patch: CategoryPatch } = writeSchemas('Category', { ...fields, sources: SourceIds() })
export type CategoryInput = Static<typeof CategoryInput>

export const CategoryList = ListOf(Category, 'CategoryList')

export const CATEGORY_SORTS = ['name', 'id'] as const
export const CategoryListQuery = Type.Object({
  sort: SortParam(CATEGORY_SORTS, 'name'),
  limit: Limit,
  cursor: Cursor
}, { additionalProperties: false })
export type CategoryListQuery = Static<typeof CategoryListQuery>

export const Holder = Type.Object({
  sponsor: Ref(Summary),
  contract: Type.Object({
    id: Type.String(),
    startsOn: Ref(PartialDate),
    endsOn: Nullable(Ref(PartialDate))
  }, { additionalProperties: false })
}, { $id: 'Holder', additionalProperties: false, description: 'A sponsor holding a category, with the contract that grants it.' })

export const HolderList = Type.Object({
  data: Type.Array(Ref(Holder)),
  meta: Type.Object({
    on: Day(),
    total: Type.Integer({ minimum: 0 })
  }, { additionalProperties: false })
}, { $id: 'HolderList', additionalProperties: false })
export type HolderList = Static<typeof HolderList>

export const HoldersQuery = Type.Object({
  on: Type.Optional(Day('The day to ask about, YYYY-MM-DD. Default: today (UTC).'))
}, { additionalProperties: false })
