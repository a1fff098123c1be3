import { Type } from 'typebox'
import { StringEnum } from './common.js'

/** Longest hit title and snippet; longer ones are cut (see repositories/search.ts). */
export const HIT_TITLE_MAX = 500
export const HIT_SNIPPET_MAX = 1000

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
