import { Type, type Static } from 'typebox'
import { Embedded, CountryCode, Day, Id, ListOf, Nullable, PartialDate, Ref, SourceIds, SourceSummary, StringEnum, writeSchemas, NAME_MAX, REFS_MAX, ListQuery , MEETING_SOURCE_EXAMPLE } from '../../schemas/common.js'
import { SearchMode, SearchText } from '../../schemas/search.js'
import { citesSources, type Reference } from '../resource.js'

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200, examples: ['Alibaba Group'] }),
  country: Type.Union([Ref(CountryCode), Type.Null()], { description: 'Where the company is based; null when no source states it (some early TOP partners).' }),
  headquarters: Nullable(Type.String({ minLength: 1, maxLength: 200, description: 'Headquarters city, where a source states it.' })),
  industry: Nullable(Type.String({ minLength: 1, maxLength: 200 })),
  website: Nullable(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 })),
  description: Nullable(Type.String({ maxLength: 4000 }))
}

/** A name the sponsor record went by before its current `name`. */
export const FormerName = Type.Object({
  name: Type.String({ minLength: 1, maxLength: NAME_MAX }),
  from: Nullable(Ref(PartialDate)),
  until: Nullable(Ref(PartialDate))
}, {
  $id: 'FormerName',
  additionalProperties: false,
  description: 'A name the company went by, with when it did where a source states it (partial dates, or null).',
  examples: [{ name: 'Schlumberger Sema', from: '2001', until: '2002' }]
})
export type FormerName = Static<typeof FormerName>

const formerNamesOptions = { maxItems: REFS_MAX, description: 'Names the company went by before its current name, oldest first.' }

/** none is not former: a sponsor recorded before (or without) its first contract never was a partner. */
export const SPONSOR_STATUSES = ['active', 'former', 'none'] as const

export const Sponsor = Type.Object({
  id: Ref(Id),
  ...fields,
  formerNames: Type.Array(Ref(FormerName), formerNamesOptions),
  status: StringEnum(SPONSOR_STATUSES, { description: 'Derived from its contracts (today, UTC): `active` while any of them has not yet ended (upcoming ones included); `former` once all have ended; `none` while it has held no contract at all, such as a sponsor just created whose contract is not yet recorded. `none` is kept apart from `former` so that a list of former partners lists only companies that were partners.' }),
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
    formerNames: [],
    status: 'active',
    sources: [MEETING_SOURCE_EXAMPLE]
  }]
})
export type Sponsor = Static<typeof Sponsor>

export const { Input: SponsorInput, Create: SponsorCreate, Patch: SponsorPatch } = writeSchemas('Sponsor', {
  ...fields,
  formerNames: Type.Optional(Type.Array(Ref(FormerName), { ...formerNamesOptions, default: [] })),
  sources: SourceIds()
}, {
  create: {
    name: 'Manulife Financial',
    country: 'CA',
    headquarters: 'Toronto',
    industry: 'Insurance and financial services',
    website: null,
    description: 'Canadian insurer that took over John Hancock, a TOP partner, in 2004.',
    sources: ['sbj-2003-10-06-hancock-manulife']
  },
  patch: { website: 'https://www.manulife.com' }
})
export type SponsorInput = Static<typeof SponsorInput>
// A PATCH that leaves formerNames out keeps them: no default there.
Reflect.deleteProperty(SponsorPatch.properties.formerNames, 'default')

export const SponsorList = ListOf(Sponsor)

export const SPONSOR_SORTS = ['name', 'country', 'id'] as const
export const sponsorFilters = {
  q: Type.Optional(SearchText('the sponsor\'s name, former names, industry, headquarters or description')),
  mode: SearchMode,
  category: Type.Optional(Ref(Id)),
  country: Type.Optional(Ref(CountryCode)),
  activeOn: Type.Optional(Day('Sponsors with a contract running on this day.')),
  status: Type.Optional(StringEnum(SPONSOR_STATUSES, { description: 'active, former (every contract has ended) or none (has never held a contract); see Sponsor.status.' }))
}
export const SponsorListQuery = ListQuery(SPONSOR_SORTS, 'name', {
  ...sponsorFilters,
  games: Type.Optional(Ref(Id)),
  programme: Type.Optional(Type.Unsafe<string>({ $ref: 'Id', description: 'A programme edition\'s id (e.g. `top-viii`): sponsors holding a contract whose term overlaps its period.' }))
})
export type SponsorListQuery = Static<typeof SponsorListQuery>

/** `/games/{id}/sponsors` takes the same filters, the Games coming from the path. */
export const GameSponsorsQuery = ListQuery(SPONSOR_SORTS, 'name', sponsorFilters)

/** A sponsor names nothing but its sources. */
export const references = (input: SponsorInput): Reference[] => citesSources(input)
