import { Type, type Static } from 'typebox'
import { Embedded, SourceIds, CountryCode, Id, ListOf, Nullable, PartialDate, Ref, SourceSummary, StringEnum, ListQuery } from '../../schemas/common.js'
import { citesSources, type Reference } from '../resource.js'

const fields = {
  name: Type.String({ minLength: 1, maxLength: 100, examples: ['PyeongChang 2018'] }),
  season: StringEnum(['summer', 'winter'] as const),
  year: Type.Integer({ format: 'int32', minimum: 1896, maximum: 2100, description: 'The edition\'s name year (Tokyo 2020 was held in 2021).' }),
  city: Type.String({ minLength: 1, maxLength: 200 }),
  country: Ref(CountryCode),
  startsOn: Nullable(Ref(PartialDate)),
  endsOn: Nullable(Ref(PartialDate))
}

export const Game = Type.Object({ id: Ref(Id), ...fields, sources: Embedded(Ref(SourceSummary)) }, {
  $id: 'Game',
  additionalProperties: false,
  description: 'An Olympic Games edition.',
  examples: [{
    id: 'brisbane-2032',
    name: 'Brisbane 2032',
    season: 'summer',
    year: 2032,
    city: 'Brisbane',
    country: 'AU',
    startsOn: '2032-07-23',
    endsOn: '2032-08-08',
    sources: [{ id: 'noc-ukr-2021-07-21-brisbane-2032', title: 'Brisbane 2032 elected (IOC release)', url: 'http://noc-ukr.org/en/news/21630/' }]
  }]
})
export type Game = Static<typeof Game>

export const GameInput = Type.Object({ id: Ref(Id), ...fields, sources: SourceIds() }, { $id: 'GameInput', additionalProperties: false })
export type GameInput = Static<typeof GameInput>

export const GameList = ListOf(Game)

export const GAME_SORTS = ['year', 'name', 'id'] as const
export const GameListQuery = ListQuery(GAME_SORTS, 'year', {
  season: Type.Optional(StringEnum(['summer', 'winter'] as const))
})
export type GameListQuery = Static<typeof GameListQuery>

/** A game names nothing but its sources. */
export const references = (input: GameInput): Reference[] => citesSources(input)
