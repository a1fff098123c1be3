// Questions a write must ask before it changes anything: does an id exist, what still
// refers to a record, and would a contract break TOP's category exclusivity.
import type { Db } from '../db/open.js'

export type Kind = 'source' | 'game' | 'category' | 'sponsor' | 'contract' | 'meeting' | 'programme'

const TABLES: Record<Kind, string> = {
  source: 'sources', game: 'games', category: 'categories', sponsor: 'sponsors', contract: 'contracts', meeting: 'meetings', programme: 'programmes'
}

/** What points at a record of each kind, as "kind: sql returning ids". */
const REFERRERS: Partial<Record<Kind, Array<{ what: string, sql: string }>>> = {
  sponsor: [
    { what: 'contract', sql: 'select contract_id from contract_sponsors where sponsor_id = ?' },
    { what: 'meeting', sql: 'select meeting_id from meeting_sponsors where sponsor_id = ?' },
    { what: 'fact', sql: 'select id from sponsor_facts where sponsor_id = ?' }
  ],
  category: [{ what: 'contract', sql: 'select contract_id from contract_categories where category_id = ?' }],
  source: ['sponsor', 'category', 'contract', 'meeting', 'game', 'sponsor_fact', 'programme'].map((owner) => ({
    what: owner === 'sponsor_fact' ? 'fact' : owner,
    sql: `select ${owner === 'sponsor_fact' ? 'fact' : owner}_id from ${owner}_sources where source_id = ?`
  }))
}

export interface Conflict {
  contract: string
  category: string
  sponsors: string
  startsFirst: string
  endsLast: string
}

export function createIntegrity (db: Db) {
  const sqlite = db.$client
  const exists = Object.fromEntries(Object.entries(TABLES).map(([kind, table]) =>
    [kind, sqlite.prepare(`select 1 from ${table} where id = ?`).pluck()])) as Record<Kind, ReturnType<typeof sqlite.prepare>>
  const referrers = Object.fromEntries(Object.entries(REFERRERS).map(([kind, list]) =>
    [kind, list.map(({ what, sql }) => ({ what, statement: sqlite.prepare(`${sql} order by 1 limit 5`).pluck() }))]))
  const overlapping = sqlite.prepare(`
    select c.id as contract, cc.category_id as category, c.starts_first as startsFirst, c.ends_last as endsLast,
      (select group_concat(s.name, ', ' order by cs.position) from contract_sponsors cs join sponsors s on s.id = cs.sponsor_id where cs.contract_id = c.id) as sponsors
    from contract_categories cc join contracts c on c.id = cc.contract_id
    where cc.category_id in (select value from json_each(:categories))
      and c.id <> :id
      and c.starts_first <= :endsLast and c.ends_last >= :startsFirst
      and not exists (select 1 from contract_sponsors cs where cs.contract_id = c.id and cs.sponsor_id in (select value from json_each(:sponsors)))
    order by c.starts_first, c.id
    limit 1`)

  return {
    exists (kind: Kind, id: string): boolean {
      return exists[kind].get(id) !== undefined
    },

    /** Up to five referrers per kind, e.g. ["contract alibaba-top", "meeting lausanne"]. */
    referencesTo (kind: Kind, id: string): string[] {
      return (referrers[kind] ?? []).flatMap(({ what, statement }) => (statement.all(id) as string[]).map((ref) => `${what} "${ref}"`))
    },

    /**
     * A contract of other sponsors holding one of these categories over an overlapping
     * period. Contracts sharing a sponsor (extensions, a joint deal) do not conflict.
     */
    exclusivityConflict (contract: { id: string, sponsors: string[], categories: string[], startsFirst: string, endsLast: string }): Conflict | undefined {
      return overlapping.get({
        id: contract.id,
        categories: JSON.stringify(contract.categories),
        sponsors: JSON.stringify(contract.sponsors),
        startsFirst: contract.startsFirst,
        endsLast: contract.endsLast
      }) as Conflict | undefined
    }
  }
}

export type Integrity = ReturnType<typeof createIntegrity>
