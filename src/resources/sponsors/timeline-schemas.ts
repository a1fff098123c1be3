import { Type, type Static } from 'typebox'
import { SOURCE_EXAMPLE, Embedded, Id, ListOf, PartialDate, Ref, SourceSummary, StringEnum, ListQuery } from '../../schemas/common.js'

/** Longest event summary; a contract's, made from its names, is cut to fit. */
export const EVENT_SUMMARY_MAX = 4000

export const EVENT_KINDS = [
  'contract-signed', 'contract-started', 'contract-starts', 'contract-ended', 'contract-ended-early', 'contract-ends', 'meeting', 'fact', 'name-changed'
] as const

export const TimelineEvent = Type.Object({
  date: Ref(PartialDate),
  kind: StringEnum(EVENT_KINDS, { description: 'contract-starts and contract-ends are scheduled (after today); the others have happened. name-changed is the last date under one of the sponsor\'s former names.' }),
  summary: Type.String({ minLength: 1, maxLength: EVENT_SUMMARY_MAX }),
  subject: Type.Object({
    type: StringEnum(['contract', 'meeting', 'fact', 'sponsor'] as const),
    id: Ref(Id)
  }, { additionalProperties: false, description: 'The record the event comes from.' }),
  sources: Embedded(Ref(SourceSummary))
}, {
  $id: 'TimelineEvent',
  additionalProperties: false,
  examples: [{
    date: '2017-01',
    kind: 'contract-signed',
    summary: 'Signed the TOP contract for Cloud Services, E-Commerce Platform Services.',
    subject: { type: 'contract', id: 'alibaba-group-top-2017-2028' },
    sources: [SOURCE_EXAMPLE]
  }]
})
export type TimelineEvent = Static<typeof TimelineEvent>

export const Timeline = ListOf(TimelineEvent, 'Timeline')

export const TimelineQuery = ListQuery(['date'] as const, 'date', {})
