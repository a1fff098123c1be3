import { Type, type Static } from 'typebox'
import { RefIds, Embedded, SourceIds, writeSchemas, CountryCode, Id, ListOf, Nullable, PartialDate, PartialDateRef, Ref, SourceSummary, Summary, ListQuery , MEETING_SOURCE_EXAMPLE } from '../../schemas/common.js'
import { SearchMode, SearchText } from '../../schemas/search.js'
import type { Reference } from '../resource.js'

export const Participant = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  role: Nullable(Type.String({ minLength: 1, maxLength: 200 })),
  organisation: Nullable(Type.String({ minLength: 1, maxLength: 200 }))
}, { $id: 'Participant', additionalProperties: false })

export const Quote = Type.Object({
  speaker: Type.String({ minLength: 1, maxLength: 200, description: 'The participant who said it, by name.' }),
  text: Type.String({ minLength: 1, maxLength: 4000 })
}, { $id: 'Quote', additionalProperties: false })

export const Location = Type.Object({
  city: Nullable(Type.String({ minLength: 1, maxLength: 200 })),
  country: Nullable(Ref(CountryCode))
}, { $id: 'MeetingLocation', additionalProperties: false })

const fields = {
  date: Ref(PartialDate),
  location: Ref(Location),
  participants: Type.Array(Ref(Participant), { minItems: 1, maxItems: 50 }),
  summary: Type.String({ minLength: 1, maxLength: 4000 }),
  quotes: Type.Array(Ref(Quote), { maxItems: 100 })
}

export const Meeting = Type.Object({
  id: Ref(Id),
  date: fields.date,
  location: fields.location,
  sponsors: Embedded(Ref(Summary)),
  participants: fields.participants,
  summary: fields.summary,
  quotes: fields.quotes,
  sources: Embedded(Ref(SourceSummary))
}, {
  $id: 'Meeting',
  additionalProperties: false,
  description: 'A documented meeting between the IOC and a sponsor.',
  examples: [{
    id: 'bach-ma-lausanne-2019-01-23',
    date: '2019-01-23',
    location: { city: 'Lausanne', country: 'CH' },
    sponsors: [{ id: 'alibaba-group', name: 'Alibaba Group' }],
    participants: [
      { name: 'Thomas Bach', role: 'President', organisation: 'International Olympic Committee' },
      { name: 'Jack Ma', role: 'Executive Chairman', organisation: 'Alibaba Group' }
    ],
    summary: 'IOC President Thomas Bach welcomed Alibaba executive chairman Jack Ma for talks in Lausanne, two years after Alibaba joined the TOP programme, on bringing the Olympic Games to fans in the digital era.',
    quotes: [{ speaker: 'Jack Ma', text: 'Alibaba is very honoured to join with you to move the Olympics to the next stage.' }],
    sources: [MEETING_SOURCE_EXAMPLE]
  }]
})
export type Meeting = Static<typeof Meeting>

export const { Input: MeetingInput, Create: MeetingCreate, Patch: MeetingPatch } = writeSchemas('Meeting', {
  date: fields.date,
  location: fields.location,
  sponsors: RefIds('sponsors met'),
  participants: fields.participants,
  summary: fields.summary,
  quotes: fields.quotes,
  sources: SourceIds()
}, {
  create: {
    date: '2019-01-24',
    location: { city: 'Lausanne', country: 'CH' },
    sponsors: ['alibaba-group'],
    participants: [
      { name: 'Thomas Bach', role: 'President', organisation: 'International Olympic Committee' }
    ],
    summary: 'Illustrative, not a recorded meeting: the seeded 23 January 2019 talks in Lausanne are already stored, and the same date, sponsors and city would be a 409 DUPLICATE_RECORD.',
    quotes: [],
    sources: [MEETING_SOURCE_EXAMPLE.id]
  },
  patch: { location: { city: 'Lausanne', country: 'CH' } }
})
export type MeetingInput = Static<typeof MeetingInput>

export const MeetingList = ListOf(Meeting)

export const MEETING_SORTS = ['date', 'id'] as const
export const meetingFilters = {
  participant: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of a participant\'s name (case-insensitive).' })),
  from: Type.Optional(PartialDateRef('Meetings on or after this date; a partial date starts on its first day.')),
  to: Type.Optional(PartialDateRef('Meetings on or before this date; a partial date lasts to its last day.')),
  q: Type.Optional(SearchText('the summary, participants or quotes')),
  mode: SearchMode
}
export const MeetingListQuery = ListQuery(MEETING_SORTS, 'date', {
  sponsor: Type.Optional(Ref(Id)),
  ...meetingFilters
})
export type MeetingListQuery = Static<typeof MeetingListQuery>

export const SponsorMeetingsQuery = ListQuery(MEETING_SORTS, 'date', meetingFilters)

/** The records a meeting names, by field. */
export function references (input: MeetingInput): Reference[] {
  return [
    { field: 'sponsors', kind: 'sponsor', ids: input.sponsors },
    { field: 'sources', kind: 'source', ids: input.sources }
  ]
}
