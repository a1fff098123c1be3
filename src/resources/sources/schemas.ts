import { Type, type Static } from 'typebox'
import { writeSchemas, Id, ListOf, MEETING_SOURCE_EXAMPLE, Nullable, PartialDate, Ref, ListQuery } from '../../schemas/common.js'
import type { Reference } from '../resource.js'

const fields = {
  title: Type.String({ minLength: 1, maxLength: 300 }),
  publisher: Nullable(Type.String({ minLength: 1, maxLength: 200 })),
  url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }),
  publishedOn: Nullable(Ref(PartialDate))
}

export const Source = Type.Object({ id: Ref(Id), ...fields }, {
  $id: 'Source',
  additionalProperties: false,
  description: 'Where a fact was read.',
  examples: [{ ...MEETING_SOURCE_EXAMPLE, publisher: 'insidethegames', publishedOn: '2019-01-23' }]
})
export type Source = Static<typeof Source>

export const { Input: SourceInput, Create: SourceCreate, Patch: SourcePatch } = writeSchemas('Source', fields, {
  create: {
    title: 'Olympic Partners',
    publisher: 'International Olympic Committee',
    url: 'https://olympics.com/ioc/partners',
    publishedOn: null
  },
  patch: { title: 'Olympic Partners (TOP Programme)' }
})
export type SourceInput = Static<typeof SourceInput>

export const SourceList = ListOf(Source)

export const SourceListQuery = ListQuery(['title', 'id'], 'title', {})

/** The records a source names, by field. */
export function references (_input: SourceInput): Reference[] {
  return []
}
