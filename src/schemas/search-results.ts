// The search results' schemas: the hit types and URLs are the resources that declare a
// search document (src/resources/all.ts), so this module is not imported by any resource.
import { Type, type Static } from 'typebox'
import { SEARCHABLE } from '../resources/all.js'
import { Cursor, Id, Limit, Ref, StringEnum, ListMeta } from './common.js'
import { HIT_SNIPPET_MAX, HIT_TITLE_MAX, SearchMode, SearchText } from './search.js'

export const SEARCH_TYPES = SEARCHABLE.map((resource) => resource.singular)

export const SearchHit = Type.Object({
  type: StringEnum(SEARCH_TYPES, { description: 'The kind of record found.' }),
  id: Ref(Id),
  title: Type.String({ maxLength: HIT_TITLE_MAX, description: 'The record\'s name; for a contract its sponsors and categories, for a meeting its participants and place.' }),
  snippet: Type.String({ maxLength: HIT_SNIPPET_MAX, description: 'The best-matching passage, matched words wrapped in <mark>…</mark>. The rest is the stored text, not HTML-escaped.' }),
  score: Type.Number({ description: 'Relevance (BM25, higher is better); comparable within one query only.' }),
  url: Type.String({ maxLength: 200, pattern: `^/v1/(${SEARCHABLE.map((resource) => resource.plural).join('|')})/[a-z0-9-]+$`, description: 'The record\'s path in this API.' })
}, {
  $id: 'SearchHit',
  additionalProperties: false,
  examples: [{ type: 'sponsor', id: 'alibaba-group', title: 'Alibaba Group', snippet: '<mark>Alibaba</mark> Group', score: 4.79665, url: '/v1/sponsors/alibaba-group' }]
})

export const SearchResults = Type.Object({
  data: Type.Array(Ref(SearchHit), { maxItems: 100, description: 'One page of hits, best first.' }),
  meta: Ref(ListMeta)
}, {
  $id: 'SearchResults',
  additionalProperties: false,
  examples: [{
    data: [{ type: 'sponsor', id: 'alibaba-group', title: 'Alibaba Group', snippet: '<mark>Alibaba</mark> Group', score: 4.79665, url: '/v1/sponsors/alibaba-group' }],
    meta: { total: 5, limit: 1, nextCursor: 'WyJyZWxldmFuY2UiLC00Ljc5NjY0NTM3MTgzNTkyOSwiMjciXQ' }
  }]
})

export const SearchQuery = Type.Object({
  q: SearchText('any record', ['happiness health']),
  mode: SearchMode,
  type: Type.Optional(StringEnum(SEARCH_TYPES, { description: 'Only hits of this kind.' })),
  limit: Limit,
  cursor: Cursor
}, { additionalProperties: false })
export type SearchQuery = Static<typeof SearchQuery>
