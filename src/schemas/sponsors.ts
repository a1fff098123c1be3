import { Type, type Static } from 'typebox'
import { SOURCE_EXAMPLE, Embedded, CountryCode, Day, Id, ListOf, Nullable, Ref, SortParam, SourceIds, SourceSummary, StringEnum, Limit, Cursor, writeSchemas } from './common.js'
import { SearchMode, SearchText } from './search.js'

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200, examples: ['Alibaba Group'] }),
  country: Type.Union([Ref(CountryCode), Type.Null()], { description: 'Where the company is based; null when no source states it (some early TOP partners).' }),
  headquarters: Nullable(Type.String({ minLength: 1, maxLength: 200, description: 'Headquarters city, where a source states it.' })),
  industry: Nullable(Type.String({ minLength: 1, maxLength: 200 })),
  website: Nullable(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 })),
  description: Nullable(Type.String({ maxLength: 4000 }))
}

export const SPONSOR_STATUSES = ['active', 'former'] as const

export const Sponsor = Type.Object({
  id: Ref(Id),
  ...fields,
  status: StringEnum(SPONSOR_STATUSES, { description: 'active while any of its contracts has not yet ended (today, UTC); otherwise former.' }),
  sources: Embedded(Ref(SourceSummary))
}, {
  $id: 'Sponsor',
  additionalProperties: false,
  description: 'A company in the TOP programme.',
  examples: [{
    id: 'alibaba-group',
    name: 'Alibaba Group',
    country: 'CN',
    headquarters: 'Hangzhou',
    industry: 'E-commerce and cloud computing',
    website: null,
    description: 'Chinese e-commerce and technology group; TOP partner for cloud services and e-commerce platform services.',
    status: 'active',
    sources: [{
      id: 'insidethegames-2019-01-23-bach-welcomes-alibaba',
      title: 'Bach welcomes Alibaba Group executive chairman for talks in Lausanne',
      url: 'https://www.insidethegames.biz/articles/1074576/bach-welcomes-alibaba-group-executive-chairman-for-talks-in-lausanne'
    }]
  }]
})
export type Sponsor = Static<typeof Sponsor>

export const { Input: SponsorInput, Create: SponsorCreate, Patch: SponsorPatch } = writeSchemas('Sponsor', { ...fields, sources: SourceIds() }, {
  create: {
    name: 'Alibaba Group',
    country: 'CN',
    headquarters: 'Hangzhou',
    industry: 'E-commerce and cloud computing',
    website: null,
    description: 'Chinese e-commerce and technology group.',
    sources: [SOURCE_EXAMPLE.id]
  },
  patch: { website: 'https://www.alibabagroup.com' }
})
export type SponsorInput = Static<typeof SponsorInput>

export const SponsorList = ListOf(Sponsor, 'SponsorList')

export const SPONSOR_SORTS = ['name', 'country', 'id'] as const
export const sponsorFilters = {
  q: Type.Optional(SearchText('the sponsor\'s name, industry, headquarters or description')),
  mode: SearchMode,
  category: Type.Optional(Ref(Id)),
  country: Type.Optional(Ref(CountryCode)),
  activeOn: Type.Optional(Day('Sponsors with a contract running on this day.')),
  status: Type.Optional(StringEnum(SPONSOR_STATUSES))
}
const paging = { sort: SortParam(SPONSOR_SORTS, 'name'), limit: Limit, cursor: Cursor }

export const SponsorListQuery = Type.Object({
  ...sponsorFilters,
  games: Type.Optional(Ref(Id)),
  ...paging
}, { additionalProperties: false })
export type SponsorListQuery = Static<typeof SponsorListQuery>

/** `/games/{id}/sponsors` takes the same filters, the Games coming from the path. */
export const GameSponsorsQuery = Type.Object({ ...sponsorFilters, ...paging }, { additionalProperties: false })
