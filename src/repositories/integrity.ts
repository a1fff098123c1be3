// Questions a write must ask before it changes anything: does an id exist, what still
// refers to a record, and would a contract break TOP's category exclusivity.
import { getTableConfig } from 'drizzle-orm/sqlite-core'
import type { Db } from '../db/open.js'
import type { Resource } from '../resources/resource.js'

/** A resource by its singular name: "sponsor", "game"… */
export type Kind = string

interface Referrer {
  /** The referring resource, singular. */
  what: string
  /** Its path under /v1, to name where the referrer can be seen. */
  path: string
  sql: string
}

/**
 * Who refers to whom, from the tables' foreign keys: a foreign key of a resource's table
 * that does not cascade (the link to the resource's own records does) points at another
 * resource whose records it keeps from being deleted. A new table's references cannot be
 * forgotten.
 */
export function referrersOf (resources: readonly Resource[]): Map<Kind, Referrer[]> {
  const owner = new Map<string, Resource>(resources.map((resource) => [getTableConfig(resource.tables[0]).name, resource]))
  const referrers = new Map<Kind, Referrer[]>()
  for (const resource of resources) {
    for (const table of resource.tables) {
      const config = getTableConfig(table)
      const own = config.foreignKeys.find((fk) => fk.reference().foreignTable === resource.tables[0])
      const idColumn = table === resource.tables[0] ? 'id' : own?.reference().columns[0]?.name
      for (const fk of config.foreignKeys) {
        if (fk === own && table !== resource.tables[0]) continue
        const target = owner.get(getTableConfig(fk.reference().foreignTable).name)
        const column = fk.reference().columns[0]?.name
        if (target === undefined || idColumn === undefined || column === undefined || target === resource) continue
        const list = referrers.get(target.singular) ?? []
        list.push({ what: resource.singular, path: `/v1/${resource.plural}`, sql: `select ${idColumn} from ${config.name} where ${column} = ?` })
        referrers.set(target.singular, list)
      }
    }
  }
  return referrers
}

export interface Conflict {
  contract: string
  category: string
  sponsors: string
  startsFirst: string
  endsLast: string
}

/** A contract's parameters to the overlap queries (id lists as JSON arrays). */
interface ContractKey { id: string, categories: string, sponsors: string, startsFirst: string, endsLast: string }

/** The record an input repeats by its natural key. */
export interface Duplicate {
  id: string
  /** What the two share, for the problem's detail: 'URL "…"', 'name "…"'… */
  by: string
}

/** How names compare: Unicode-aware, case- and width-insensitive ("ＶＩＳＡ" = "Visa"). */
export function foldName (text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('en').trim().replace(/\s+/g, ' ')
}

export function createIntegrity (db: Db, resources: readonly Resource[]) {
  const sqlite = db.$client
  sqlite.function('fold_name', { deterministic: true }, (text: unknown) => typeof text === 'string' ? foldName(text) : null)
  const sourceByUrl = sqlite.prepare<[string, string], { id: string, url: string }>('select id, url from sources where url = ? and id <> ? order by id limit 1')
  const sponsorByName = sqlite.prepare<{ id: string, names: string }, { id: string, name: string }>(`
    select id, name from (
      select id, name from sponsors where id <> :id
      union all select sponsor_id as id, name from sponsor_names where sponsor_id <> :id
    ) where fold_name(name) in (select value from json_each(:names)) order by id limit 1`)
  // Same set of sponsors: as many as given, all of them among the given.
  const sameSponsors = (table: string, owner: string) => `
    (select count(*) from ${table} x where x.${owner} = c.id) = json_array_length(:sponsors)
    and (select count(*) from ${table} x where x.${owner} = c.id and x.sponsor_id in (select value from json_each(:sponsors))) = json_array_length(:sponsors)`
  const sameContract = sqlite.prepare<ContractKey, { id: string, category: string }>(`
    select c.id as id, cc.category_id as category from contract_categories cc join contracts c on c.id = cc.contract_id
    where cc.category_id in (select value from json_each(:categories)) and c.id <> :id
      and c.starts_first <= :endsLast and c.ends_last >= :startsFirst
      and ${sameSponsors('contract_sponsors', 'contract_id')}
    order by c.starts_first, c.id limit 1`)
  const sameMeeting = sqlite.prepare<{ id: string, date: string, sponsors: string, city: string }, { id: string }>(`
    select c.id as id from meetings c
    where c.date = :date and c.id <> :id and coalesce(fold_name(c.city), '') = :city
      and ${sameSponsors('meeting_sponsors', 'meeting_id')}
    order by c.id limit 1`)
  const byName = new Map(resources.flatMap((resource) => [[resource.singular, resource], [resource.plural, resource]] as const))
  const exists = new Map(resources.map((resource) =>
    [resource, sqlite.prepare<[string], 1>(`select 1 from ${getTableConfig(resource.tables[0]).name} where id = ?`).pluck()]))
  const referrers = new Map([...referrersOf(resources)].map(([kind, list]) =>
    [kind, list.map(({ what, sql, path }) => ({ what, path, statement: sqlite.prepare<[string], string>(`${sql} order by 1 limit 5`).pluck() }))]))
  const overlapping = sqlite.prepare<ContractKey, Conflict>(`
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
    /** The resource a name (singular or plural) names, if any. */
    resource (name: string): Resource | undefined {
      return byName.get(name)
    },

    /** Whether a record of the resource `kind` (singular or plural) has this id. */
    exists (kind: Kind, id: string): boolean {
      const resource = byName.get(kind)
      const statement = resource === undefined ? undefined : exists.get(resource)
      if (statement === undefined) throw new Error(`no resource "${kind}"`)
      return statement.get(id) !== undefined
    },

    /** Up to five referrers per kind, e.g. ['contract "alibaba-top"', 'fact "tmall" (/v1/facts/tmall)']. */
    referencesTo (kind: Kind, id: string): string[] {
      return (referrers.get(kind) ?? []).flatMap(({ what, path, statement }) => statement.all(id)
        .map((ref) => `${what} "${ref}" (${path}/${ref})`))
    },

    /** Another source with this URL. */
    sourceWithUrl (source: { id: string, url: string }): Duplicate | undefined {
      const row = sourceByUrl.get(source.url, source.id)
      return row === undefined ? undefined : { id: row.id, by: `URL "${row.url}"` }
    },

    /** Another sponsor whose name or former name is one of these, in any case. */
    sponsorNamed (sponsor: { id: string, names: readonly string[] }): Duplicate | undefined {
      const row = sponsorByName.get({ id: sponsor.id, names: JSON.stringify(sponsor.names.map(foldName)) })
      return row === undefined ? undefined : { id: row.id, by: `name "${row.name}"` }
    },

    /** A contract of the very same sponsors holding one of these categories over an overlapping term. */
    sameContract (contract: { id: string, sponsors: string[], categories: string[], startsFirst: string, endsLast: string }): Duplicate | undefined {
      const row = sameContract.get({
        id: contract.id,
        categories: JSON.stringify(contract.categories),
        sponsors: JSON.stringify([...new Set(contract.sponsors)]),
        startsFirst: contract.startsFirst,
        endsLast: contract.endsLast
      })
      return row === undefined ? undefined : { id: row.id, by: `sponsors, category "${row.category}" and an overlapping term` }
    },

    /** A meeting on the same date, of the same sponsors, in the same city (in any case). */
    sameMeeting (meeting: { id: string, date: string, sponsors: string[], city: string | null }): Duplicate | undefined {
      const row = sameMeeting.get({
        id: meeting.id,
        date: meeting.date,
        sponsors: JSON.stringify([...new Set(meeting.sponsors)]),
        city: meeting.city === null ? '' : foldName(meeting.city)
      })
      return row === undefined ? undefined : { id: row.id, by: 'date, sponsors and city' }
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
      })
    }
  }
}

export type Integrity = ReturnType<typeof createIntegrity>
