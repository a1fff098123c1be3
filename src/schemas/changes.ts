import { Type, type Static } from 'typebox'
import { WRITABLE } from '../resources/all.js'
import { Count, Cursor, Id, Limit, ListOf, Nullable, Ref, StringEnum } from './common.js'


const Snapshot = Nullable(Type.Object({}, { additionalProperties: true, description: 'The record in write-body form.' }))

export const Change = Type.Object({
  seq: Count({ minimum: 1, description: 'Increases with every change.' }),
  at: Type.String({ format: 'date-time', maxLength: 30 }),
  key: Type.Object({
    id: Type.String({ pattern: '^[0-9a-f]{16}$', minLength: 16, maxLength: 16 }),
    name: Type.String({ minLength: 1, maxLength: 100 })
  }, { additionalProperties: false, description: 'The API key that made the change.' }),
  action: StringEnum(['create', 'update', 'delete'] as const),
  resource: StringEnum(WRITABLE),
  recordId: Ref(Id),
  before: Snapshot,
  after: Snapshot
}, {
  $id: 'Change',
  additionalProperties: false,
  description: 'One write in the audit trail.',
  examples: [{
    seq: 42,
    at: '2026-11-25T09:30:00.000Z',
    key: { id: '3f9c2a7b1d4e5f60', name: 'editor' },
    action: 'update',
    resource: 'categories',
    recordId: 'cloud-services',
    before: { id: 'cloud-services', name: 'Cloud Services', description: null, sources: ['insidethegames-2017-01-19-alibaba-top-sponsor'] },
    after: { id: 'cloud-services', name: 'Cloud Services', description: 'Cloud computing services.', sources: ['insidethegames-2017-01-19-alibaba-top-sponsor'] }
  }]
})
export type Change = Static<typeof Change>

export const ChangeList = ListOf(Change)

export const ChangeListQuery = Type.Object({
  resource: Type.Optional(StringEnum(WRITABLE)),
  record: Type.Optional(Ref(Id)),
  limit: Limit,
  cursor: Cursor
}, { additionalProperties: false })
