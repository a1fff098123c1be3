// Full-text search with SQLite FTS5 over the resources that declare a search document
// (src/resources/*/index.ts: sponsors, categories, contracts, meetings).
// Each record has one document in search_docs (title + body), rebuilt by refresh()
// inside the writer's transaction; triggers keep the FTS5 index on it in step.
// FTS5 is outside what Drizzle models, so these are plain prepared statements.
import type { Statement } from 'better-sqlite3'
import type { Db } from '../db/open.js'
import { createMemo, createTotals } from '../db/version.js'
import { ApiError, badParameter } from '../lib/errors.js'
import { decodeCursor, encodeCursor } from '../lib/cursor.js'
import { clip, clipMarked } from '../lib/text.js'
import { HIT_SNIPPET_MAX, HIT_TITLE_MAX } from '../schemas/search.js'
import type { Resource } from '../resources/resource.js'

/** A searchable resource's singular name: "sponsor", "contract"… */
export type SearchType = string

/** How `q` is read: as words (the default) or as FTS5 query syntax. */
export type SearchMode = 'words' | 'advanced'

/** Letters and digits, as the unicode61 tokenizer cuts words. */
const WORD = /[\p{L}\p{N}\p{Co}\p{M}]+/gu

/**
 * What a user typed, as an FTS5 query: in `words` mode every word must match, each as a
 * prefix (a single letter or digit as itself), and nothing else means anything (no
 * columns, operators or punctuation); in `advanced` mode the text is FTS5 syntax as
 * written. Undefined when no word is left.
 * A word `whole` says no longer indexed word starts with is searched as itself: the same
 * rows, scores and marks as its prefix term, for less (see createSearchRepository).
 */
export function toFtsQuery (q: string, mode: SearchMode = 'words', whole: (word: string) => boolean = () => false): string | undefined {
  if (mode === 'advanced') return q
  const words = q.match(WORD) ?? []
  // One letter or digit is a word by itself: as a prefix it would match most of the index
  // ("P&G" is the words p and g, not every word starting with p and g).
  return words.length === 0 ? undefined : words.map((word) => word.length === 1 || whole(word) ? `"${word}"` : `"${word}"*`).join(' ')
}

/** FTS5's complaint about an advanced query, in our words. */
function explain (error: unknown): string {
  const message = error instanceof Error ? error.message : ''
  const column = /no such column: (.*)$/.exec(message)
  if (column !== null) return `filters by a column that does not exist ("${column[1] ?? ''}:"); the columns are title and body`
  const near = /syntax error near "(.*)"$/.exec(message)
  if (near !== null) return near[1] === '' ? 'ends where more was expected (an operator or a parenthesis left open?)' : `cannot be read near "${near[1] ?? ''}" (an operator, parenthesis or * out of place?)`
  if (/unterminated string/.test(message)) return 'has a double quote that is never closed'
  return 'is not a query this search understands'
}

export interface SearchHit {
  type: SearchType
  id: string
  title: string
  snippet: string
  score: number
  url: string
}

type Params = Record<string, unknown>

interface HitRow { type: SearchType, id: string, title: string, snippet: string, rank: number, docRowid: number }

export function createSearchRepository (db: Db, resources: readonly Resource[]) {
  const documents = resources.flatMap(({ singular, plural, search }) => search === undefined ? [] : [{ type: singular, path: plural, ...search }])
  const paths = new Map(documents.map(({ type, path }) => [type, path]))
  const sqlite = db.$client
  const totals = createTotals(sqlite)
  // The type is the resource's singular; `where true` keeps SQLite from reading the
  // upsert's ON CONFLICT as a join constraint.
  const upserts = new Map(documents.map(({ type, alias, sql }) => [type, sqlite.prepare<{ id: string }>(
    `insert into search_docs (type, ref_id, title, body) select '${type}', * from (${sql} where ${alias}.id = :id) where true
     on conflict (type, ref_id) do update set title = excluded.title, body = excluded.body`
  )]))
  const removal = sqlite.prepare('delete from search_docs where type = ? and ref_id = ?')
  const probe = sqlite.prepare('select count(*) as n from (select 1 from search_fts where search_fts match ? limit 1)')
  // The index's vocabulary, to tell whether any indexed word is longer than a typed word
  // it starts with (a per-connection view: nothing is stored).
  sqlite.exec('create virtual table if not exists temp.search_vocab using fts5vocab(main, search_fts, row)')
  // From just past `word` itself: fts5vocab counts the rows of every term it steps on.
  const longerWord = sqlite.prepare<[string, string], number>('select 1 from temp.search_vocab where term >= ? and term < ? limit 1').pluck()
  const whole = createMemo<boolean>(sqlite)
  const contractsOfSponsor = sqlite.prepare<[string], string>('select contract_id as id from contract_sponsors where sponsor_id = ?').pluck()
  const contractsOfCategory = sqlite.prepare<[string], string>('select contract_id as id from contract_categories where category_id = ?').pluck()

  // Rank and page first, on the FTS index alone; only the page's rows are then joined
  // to their documents and get a snippet (building snippets is the costly part).
  // LIMIT (:limit + 0), not :limit, so that SQLite plans the statement once (PAGE_LIMIT).
  const hitsSql = (typed: boolean, after: boolean) => `with ranked as (
      select search_fts.rowid as docRowid, bm25(search_fts, 4.0, 1.0) as rank
      from search_fts ${typed ? 'join search_docs t on t.rowid = search_fts.rowid' : ''}
      where search_fts match :match ${typed ? 'and t.type = :type' : ''}
    ), page as (
      select docRowid, rank from ranked
      ${after ? 'where (rank, docRowid) > (:afterRank, :afterRowid)' : ''}
      order by rank, docRowid limit (:limit + 0)
    )
    select d.type as type, d.ref_id as id, d.title as title,
      snippet(search_fts, -1, '<mark>', '</mark>', '…', 16) as snippet,
      page.rank as rank, page.docRowid as docRowid
    from page
    join search_fts on search_fts.rowid = page.docRowid and search_fts match :match
    join search_docs d on d.rowid = page.docRowid
    order by page.rank, page.docRowid`
  const countSql = (typed: boolean) => `select count(*) as total from search_fts ${typed ? 'join search_docs t on t.rowid = search_fts.rowid' : ''}
    where search_fts match :match ${typed ? 'and t.type = :type' : ''}`
  const counts = new Map<string, Statement<[Params], { total: number }>>()
  const hitQueries = new Map<string, Statement<[Params], HitRow>>()
  const statement = <Row>(statements: Map<string, Statement<[Params], Row>>, key: string, sql: () => string) => {
    let prepared = statements.get(key)
    if (prepared === undefined) {
      prepared = sqlite.prepare<Params, Row>(sql())
      statements.set(key, prepared)
    }
    return prepared
  }

  /**
   * The FTS5 query for what a user typed in parameter `name`: a 400 problem when it is
   * empty or has no words, or (advanced mode) when FTS5 rejects its syntax.
   */
  function query (name: string, q: string, mode?: SearchMode): string
  function query (name: string, q: string | undefined, mode?: SearchMode): string | undefined
  function query (name: string, q: string | undefined, mode: SearchMode = 'words'): string | undefined {
    if (q === undefined) return undefined
    if (q.trim() === '') throw badParameter(name, 'is empty (only spaces)')
    const match = toFtsQuery(q, mode, isWhole)
    if (match === undefined) throw badParameter(name, 'has no words to search for (letters or digits); punctuation is ignored')
    // Quoted words are always valid FTS5: only advanced syntax needs FTS5 to read it first.
    if (mode === 'words') return match
    try {
      probe.get(match)
    } catch (error) {
      const message = `${explain(error)} (mode=advanced reads it as full-text query syntax; leave mode out to search for the words)`
      throw new ApiError('INVALID_SEARCH_QUERY', `Query parameter "${name}" ${message}.`, { errors: [{ path: `/query/${name}`, message }] })
    }
    return match
  }

  /**
   * Whether no longer indexed word starts with `word`, so that it can be searched as
   * itself: FTS5 answers a prefix term by merging the row lists of every word in its range
   * (about five times the cost for a word in 25,000 documents). Only ASCII words, which the
   * tokenizer folds to lower case alone; the answer is kept until the data change.
   */
  function isWhole (word: string): boolean {
    if (!/^[A-Za-z0-9]+$/.test(word)) return false
    const term = word.toLowerCase()
    const next = term.slice(0, -1) + String.fromCharCode(term.charCodeAt(term.length - 1) + 1)
    return whole(term, () => longerWord.get(`${term}\u0001`, next) === undefined)
  }

  function refresh (type: SearchType, id: string): void {
    if (upserts.get(type)?.run({ id }).changes === 0) removal.run(type, id)
  }

  return {
    refresh,

    /** Rebuild every document (after a bulk load that bypassed the repositories). */
    rebuildAll (): void {
      sqlite.transaction(() => {
        sqlite.prepare('delete from search_docs').run()
        for (const { type, sql } of documents) {
          sqlite.prepare(`insert into search_docs (type, ref_id, title, body) select '${type}', * from (${sql})`).run()
        }
      })()
    },

    /** Rebuild a sponsor's document and those of its contracts (their titles name it). */
    refreshSponsor (id: string): void {
      refresh('sponsor', id)
      for (const contract of contractsOfSponsor.all(id)) refresh('contract', contract)
    },

    refreshCategory (id: string): void {
      refresh('category', id)
      for (const contract of contractsOfCategory.all(id)) refresh('contract', contract)
    },

    query,

    search (match: string, options: { type?: SearchType | undefined, limit: number, cursor?: string | undefined }) {
      const typed = options.type !== undefined
      const params: Params = { match, limit: options.limit + 1 }
      if (typed) params.type = options.type
      const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor, 'relevance')
      if (after !== undefined) {
        if (typeof after.key !== 'number' || !/^[0-9]+$/.test(after.id)) throw badParameter('cursor', 'is not a cursor this API issued')
        params.afterRank = after.key
        params.afterRowid = Number(after.id)
      }
      // The total is kept per query until the data changes: the next pages skip the count.
      const total = totals(`${typed}|${options.type ?? ''}|${match}`, () => statement(counts, `count ${typed}`, () => countSql(typed)).get(params)?.total ?? 0)
      const rows = statement(hitQueries, `hits ${typed} ${after !== undefined}`, () => hitsSql(typed, after !== undefined)).all(params)
      const hasMore = rows.length > options.limit
      if (hasMore) rows.length = options.limit
      const last = rows[rows.length - 1]
      const hits: SearchHit[] = rows.map((row) => ({
        type: row.type,
        id: row.id,
        title: clip(row.title, HIT_TITLE_MAX),
        snippet: clipMarked(row.snippet, HIT_SNIPPET_MAX),
        score: Number((-row.rank).toPrecision(6)) + 0,
        url: `/v1/${paths.get(row.type) ?? row.type}/${row.id}`
      }))
      return {
        rows: hits,
        total,
        nextCursor: hasMore && last !== undefined ? encodeCursor('relevance', last.rank, String(last.docRowid)) : null
      }
    }
  }
}

export type SearchRepository = ReturnType<typeof createSearchRepository>
