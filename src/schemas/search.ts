import { Type, type Static } from 'typebox'
import { Cursor, Limit, Ref, StringEnum, ListMeta } from './common.js'

export const SEARCH_TYPES = ['sponsor', 'category', 'contract', 'meeting'] as const

export const SearchHit = Type.Object({
  type: StringEnum(SEARCH_TYPES, { description: 'The kind of record found.' }),
  id: Type.String(),
  title: Type.String({ description: 'The record\'s name; for a contract its sponsors and categories, for a meeting its participants and place.' }),
  snippet: Type.String({ description: 'The best-matching passage, matched words wrapped in <mark>…</mark>. The rest is the stored text, not HTML-escaped.' }),
  score: Type.Number({ description: 'Relevance (BM25, higher is better); comparable within one query only.' }),
  url: Type.String({ description: 'The record\'s path in this API.' })
}, { $id: 'SearchHit', additionalProperties: false })

export const SearchResults = Type.Object({
  data: Type.Array(Ref(SearchHit)),
  meta: Ref(ListMeta)
}, { $id: 'SearchResults', additionalProperties: false })

export const SearchQuery = Type.Object({
  q: Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'Words to find; every word must match, each as a prefix (`happi heal`). FTS5 syntax (`"exact phrase"`, `OR`, `NOT`, `NEAR(a b)`, `word*`) is used as written.',
    examples: ['happiness health']
  }),
  type: Type.Optional(StringEnum(SEARCH_TYPES, { description: 'Only hits of this kind.' })),
  limit: Limit,
  cursor: Cursor
}, { additionalProperties: false })
export type SearchQuery = Static<typeof SearchQuery>
