// Records the reviewed data has withdrawn: seed/retired.json, by resource, each with the
// record that replaced it (if any) and why. Seeding upserts by id, so without this list a
// database seeded by an earlier release would keep a withdrawn record beside its
// replacement (a contract whose id changed with its start, a meeting no source supports).
// `npm run db:seed` removes them, in the reverse of the load order, in the same
// transaction as the upserts; one that another record still refers to (a source a record
// added through the API cites) is kept and reported, never half-removed.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadOrder, type Dataset } from '../resources/all.js'
import type { Repositories } from '../repositories/index.js'
import { WITHDRAWN_REASON_MAX as REASON_MAX } from '../schemas/withdrawn.js'
import { SeedError } from './errors.js'

export interface RetiredRecord {
  id: string
  /** The record of the same resource that took its place, when there is one. */
  replacedBy: string | null
  reason: string
}

/** Withdrawn records by resource (its plural, as the seed files are named). */
export type Retired = Readonly<Record<string, readonly RetiredRecord[]>>

export interface Retirement {
  /** Records removed, as `meeting "id"`. */
  removed: string[]
  /** Records kept because others still refer to them, with those referrers. */
  kept: Array<{ record: string, referrers: string[] }>
}

const FILE = 'retired.json'

const FIELDS = new Set(['id', 'replacedBy', 'reason'])

function isRetiredRecord (value: unknown): value is RetiredRecord {
  if (typeof value !== 'object' || value === null || !('id' in value) || !('replacedBy' in value) || !('reason' in value)) return false
  const { id, replacedBy, reason } = value
  return typeof id === 'string' && id !== '' && (replacedBy === null || typeof replacedBy === 'string') &&
    typeof reason === 'string' && reason !== '' && reason.length <= REASON_MAX && Object.keys(value).every((key) => FIELDS.has(key))
}

/** seed/retired.json of a seed folder; none when the file is absent. */
export function readRetired (dir: string): Retired {
  const file = join(dir, FILE)
  if (!existsSync(file)) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new SeedError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SeedError(`${file}: must hold an object of record lists by resource`)
  const retired: Record<string, RetiredRecord[]> = {}
  for (const [key, list] of Object.entries(parsed)) {
    if (!Array.isArray(list)) throw new SeedError(`${file}: ${key} must be a list`)
    const records: RetiredRecord[] = []
    list.forEach((record: unknown, index) => {
      if (!isRetiredRecord(record)) throw new SeedError(`${file}: ${key} record ${index}: must be { "id", "replacedBy" (an id or null), "reason" (at most ${REASON_MAX} characters) }`)
      records.push(record)
    })
    retired[key] = records
  }
  return retired
}

/**
 * Checks the list before anything is written: a resource whose records can be removed,
 * never an id the data still holds, a replacement it does hold.
 */
export function validateRetired (retired: Retired, dataset: Dataset, repos: Repositories): void {
  const lists: Readonly<Record<string, ReadonlyArray<{ id: string }> | undefined>> = dataset
  const repositories: Readonly<Record<string, unknown>> = repos
  for (const [key, records] of Object.entries(retired)) {
    const present = lists[key]
    if (present === undefined) throw new SeedError(`seed/${FILE}: no resource "${key}"`)
    if (records.length > 0 && !removes(repositories[key])) throw new SeedError(`seed/${FILE}: ${key} cannot be removed`)
    const ids = new Set(present.map((record) => record.id))
    for (const record of records) {
      if (ids.has(record.id)) throw new SeedError(`seed/${FILE}: ${key} "${record.id}" is retired but still in seed/${key}.json`)
      if (record.replacedBy !== null && !ids.has(record.replacedBy)) throw new SeedError(`seed/${FILE}: ${key} "${record.id}" is replaced by "${record.replacedBy}", which seed/${key}.json does not hold`)
    }
  }
}

interface Removes { remove (id: string): void }

function removes (value: unknown): value is Removes {
  return typeof value === 'object' && value !== null && 'remove' in value && typeof value.remove === 'function'
}

/**
 * Removes the retired records a database still holds. Run inside the seed's transaction,
 * after the upserts and after validateRetired.
 */
export function retireRecords (repos: Repositories, retired: Retired): Retirement {
  const result: Retirement = { removed: [], kept: [] }
  const repositories: Readonly<Record<string, unknown>> = repos
  // Referrers first: a retired meeting goes before the retired source it cited.
  for (const resource of loadOrder().reverse()) {
    const records = retired[resource.plural] ?? []
    if (records.length === 0) continue
    const repository = repositories[resource.plural]
    if (!removes(repository)) throw new Error(`${resource.plural} cannot be removed (validateRetired checks it)`)
    for (const { id } of records) {
      if (!repos.integrity.exists(resource.singular, id)) continue
      const record = `${resource.singular} "${id}"`
      const referrers = repos.integrity.referencesTo(resource.singular, id)
      if (referrers.length > 0) result.kept.push({ record, referrers })
      else {
        repository.remove(id)
        result.removed.push(record)
      }
    }
  }
  return result
}

/** The withdrawn record of a resource (its plural) by id, if the list names it. */
export type WithdrawnLookup = (plural: string, id: string) => RetiredRecord | undefined

/** Looks withdrawn records up by resource and id (GET of a withdrawn id: see routes/read.ts). */
export function withdrawnLookup (retired: Retired): WithdrawnLookup {
  const byResource = new Map(Object.entries(retired).map(([plural, records]) => [plural, new Map(records.map((record) => [record.id, record]))]))
  return (plural, id) => byResource.get(plural)?.get(id)
}
