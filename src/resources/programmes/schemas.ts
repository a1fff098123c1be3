import { Type, type Static } from 'typebox'
import { Count, Embedded, Id, ListOf, Nullable, PartialDateRef, Ref, SourceIds, SourceSummary, Summary, ListQuery } from '../../schemas/common.js'
import { citesSources, type Reference } from '../resource.js'

/** Most partners a programme edition embeds (TOP editions have had 9 to 15). */
export const PARTNERS_MAX = 1000
/** Most Games editions a programme edition embeds. */
export const GAMES_MAX = 100

const fields = {
  name: Type.String({ minLength: 1, maxLength: 100, examples: ['TOP VIII'] }),
  startsOn: PartialDateRef('First year (or month, or day) of the programme edition.'),
  endsOn: PartialDateRef('Last year (or month, or day) of the programme edition.'),
  partnerCount: Nullable(Count({ description: 'The number of worldwide partners the IOC published for this edition; null where it has published none.' })),
  revenue: Nullable(Count({ description: 'The revenue the IOC published for this edition, in nominal US dollars; null where it has published none.' })),
  notes: Nullable(Type.String({ maxLength: 4000 }))
}

export const Programme = Type.Object({
  id: Ref(Id),
  ...fields,
  partners: Type.Array(Ref(Summary), { maxItems: PARTNERS_MAX, description: `Sponsors holding a contract whose term overlaps the period, by name (derived from the contracts; at most ${PARTNERS_MAX}).` }),
  games: Type.Array(Ref(Summary), { maxItems: GAMES_MAX, description: 'The Games editions whose year lies in the period, in date order.' }),
  sources: Embedded(Ref(SourceSummary))
}, {
  $id: 'Programme',
  additionalProperties: false,
  description: 'An edition of The Olympic Partner programme: TOP I (1985–1988) to TOP VIII (2013–2016), then the quadrennials the IOC names by their years.',
  examples: [{
    id: 'top-i',
    name: 'TOP I',
    startsOn: '1985',
    endsOn: '1988',
    partnerCount: null,
    revenue: null,
    notes: null,
    partners: [
      { id: 'bausch-and-lomb', name: 'Bausch & Lomb' },
      { id: 'kodak', name: 'Eastman Kodak' },
      { id: 'panasonic', name: 'Panasonic' },
      { id: 'coca-cola', name: 'The Coca-Cola Company' },
      { id: 'visa', name: 'Visa Inc.' }
    ],
    games: [{ id: 'calgary-1988', name: 'Calgary 1988' }, { id: 'seoul-1988', name: 'Seoul 1988' }],
    sources: [{ id: 'olympic-review-76-25-years-at-the-top', title: 'Olympic Review 76: 25 years at the TOP (D. Owen)', url: 'http://view.digipage.net/?id=olympicreview76&page=58' }]
  }]
})
export type Programme = Static<typeof Programme>

/** A programme edition as stored in seed/programmes.json (read-only through the API). */
export const ProgrammeInput = Type.Object({ id: Ref(Id), ...fields, sources: SourceIds() }, {
  $id: 'ProgrammeInput',
  additionalProperties: false,
  description: 'A TOP programme edition in seed form: partners and Games are derived, not stored.'
})
export type ProgrammeInput = Static<typeof ProgrammeInput>

export const ProgrammeList = ListOf(Programme)

export const ProgrammeListQuery = ListQuery(['name', 'startsOn'], 'startsOn', {})

/** A programme names nothing but its sources. */
export const references = (input: ProgrammeInput): Reference[] => citesSources(input)
