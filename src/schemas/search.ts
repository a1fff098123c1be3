import { Type, type Static } from 'typebox'
import { Cursor, Id, Limit, Ref, StringEnum, ListMeta } from './common.js'

/** Longest hit title and snippet; longer ones are cut (see repositories/search.ts). */
export const HIT_TITLE_MAX = 500
export const HIT_SNIPPET_MAX = 1000

export const SEARCH_TYPES = ['sponsor', 'category', 'contract', 'meeting'] as const

export const SearchHit = Type.Object({
  type: StringEnum(SEARCH_TYPES, { description: 'The kind of record found.' }),
  id: Ref(Id),
  title: Type.String({ maxLength: HIT_TITLE_MAX, description: 'The record\'s name; for a contract its sponsors and categories, for a meeting its participants and place.' }),
  snippet: Type.String({ maxLength: HIT_SNIPPET_MAX, description: 'The best-matching passage, matched words wrapped in <mark>…</mark>. The rest is the stored text, not HTML-escaped.' }),
  score: Type.Number({ description: 'Relevance (BM25, higher is better); comparable within one query only.' }),
  url: Type.String({ maxLength: 200, pattern: '^/v1/(sponsors|categories|contracts|meetings)/[a-z0-9-]+$', description: 'The record\'s path in this API.' })
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

export const SEARCH_MODES = ['words', 'advanced'] as const

/** How `q` is read; offered wherever `q` is. */
export const SearchMode = Type.Optional(StringEnum(SEARCH_MODES, {
  default: 'words',
  description: '`words` (default): `q` is words, each matching as a prefix; punctuation, colons and operators mean nothing. `advanced`: `q` is SQLite FTS5 query syntax (`"exact phrase"`, `OR`, `NOT`, `NEAR(a b)`, `word*`, `title:word`); a query it cannot read is a 400 INVALID_SEARCH_QUERY naming `q`.'
}))

/** A full-text `q` over the named fields. */
export function SearchText (what: string, examples?: string[]) {
  return Type.String({
    minLength: 1,
    maxLength: 200,
    description: `Words to find in ${what}; every word must match, each as a prefix (\`happi heal\`). See \`mode\` for FTS5 syntax. Empty or only spaces is a 400.`,
    ...(examples === undefined ? {} : { examples })
  })
}

export const SearchQuery = Type.Object({
  q: SearchText('any record', ['happiness health']),
  mode: SearchMode,
  type: Type.Optional(StringEnum(SEARCH_TYPES, { description: 'Only hits of this kind.' })),
  limit: Limit,
  cursor: Cursor
}, { additionalProperties: false })
export type SearchQuery = Static<typeof SearchQuery>
