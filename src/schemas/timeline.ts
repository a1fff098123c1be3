import { Type, type Static } from 'typebox'
import { PartialDate, Ref, SourceSummary, StringEnum } from './common.js'

export const EVENT_KINDS = [
  'contract-signed', 'contract-started', 'contract-starts', 'contract-ended', 'contract-ended-early', 'contract-ends', 'meeting', 'fact'
] as const

export const TimelineEvent = Type.Object({
  date: Ref(PartialDate),
  kind: StringEnum(EVENT_KINDS, { description: 'contract-starts and contract-ends are scheduled (after today); the others have happened.' }),
  summary: Type.String(),
  subject: Type.Object({
    type: StringEnum(['contract', 'meeting', 'fact'] as const),
    id: Type.String()
  }, { additionalProperties: false, description: 'The record the event comes from.' }),
  sources: Type.Array(Ref(SourceSummary))
}, { $id: 'TimelineEvent', additionalProperties: false })
export type TimelineEvent = Static<typeof TimelineEvent>

export const Timeline = Type.Object({
  data: Type.Array(Ref(TimelineEvent)),
  meta: Type.Object({ total: Type.Integer({ minimum: 0 }) }, { additionalProperties: false })
}, { $id: 'Timeline', additionalProperties: false })
