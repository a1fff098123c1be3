import { Type, type Static } from 'typebox'
import { Cursor, Limit, ListMeta, Nullable, Ref, StringEnum } from './common.js'

export const WRITABLE = ['sponsors', 'categories', 'contracts', 'meetings', 'sources'] as const

const Snapshot = Nullable(Type.Object({}, { additionalProperties: true, description: 'The record in write-body form.' }))

export const Change = Type.Object({
  seq: Type.Integer({ minimum: 1, description: 'Increases with every change.' }),
  at: Type.String({ format: 'date-time' }),
  key: Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false, description: 'The API key that made the change.' }),
  action: StringEnum(['create', 'update', 'delete'] as const),
  resource: StringEnum(WRITABLE),
  recordId: Type.String(),
  before: Snapshot,
  after: Snapshot
}, { $id: 'Change', additionalProperties: false, description: 'One write in the audit trail.' })
export type Change = Static<typeof Change>

export const ChangeList = Type.Object({
  data: Type.Array(Ref(Change)),
  meta: Ref(ListMeta)
}, { $id: 'ChangeList', additionalProperties: false })

export const ChangeListQuery = Type.Object({
  resource: Type.Optional(StringEnum(WRITABLE)),
  record: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only changes to the record with this id.' })),
  limit: Limit,
  cursor: Cursor
}, { additionalProperties: false })
