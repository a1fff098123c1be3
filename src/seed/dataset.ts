// The reviewed data under seed/: one JSON file per resource, each an array of records
// in the same shape as the API's write bodies (related records by id). Loading
// validates every record against the API's own schemas and every reference, then
// writes everything in one transaction: a bad record writes nothing.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ErrorObject, ValidateFunction } from 'ajv'
import type Sqlite from 'better-sqlite3'
import { createAjv } from '../lib/ajv.js'
import type { Repositories } from '../repositories/index.js'
import { allSchemas } from '../schemas/index.js'
import { loadOrder, type Dataset } from '../resources/all.js'
import type { Upserts } from '../resources/resource.js'
import { SeedError } from './errors.js'
import { retireRecords, validateRetired, type Retired, type Retirement } from './retired.js'

export type { Dataset, Retired, Retirement }
export { SeedError }
export { readRetired } from './retired.js'

/** Files in load order (each after those it refers to), with the schema each record must satisfy. */
const FILES = loadOrder().map((resource) => ({ key: resource.plural, schema: resource.collection.input.$id ?? '', resource }))

/** A dataset's records by file, as the loader walks them. */
type Records = Readonly<Record<string, ReadonlyArray<{ id: string }> | undefined>>

/**
 * Records read from files, one list per resource (empty when its file is absent). Their
 * shape is checked by validateDataset before anything is written: this is where untyped
 * JSON is given the dataset's type.
 */
function datasetOf (lists: Record<string, unknown[]>): Dataset {
  return Object.fromEntries(FILES.map(({ key }) => [key, lists[key] ?? []])) as Dataset
}

export function emptyDataset (): Dataset {
  return datasetOf({})
}

export function readDataset (dir: string): Dataset {
  const lists: Record<string, unknown[]> = {}
  for (const { key } of FILES) {
    const file = join(dir, `${key}.json`)
    if (!existsSync(file)) continue
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      throw new SeedError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`)
    }
    if (!Array.isArray(parsed)) throw new SeedError(`${file}: must hold a JSON array of records`)
    lists[key] = parsed
  }
  return datasetOf(lists)
}

let validators: Map<string, ValidateFunction> | undefined

function validatorFor (schema: string): ValidateFunction {
  if (validators === undefined) {
    // The same validator settings as the API's JSON bodies.
    const ajv = createAjv({ coerce: false, schemas: allSchemas })
    validators = new Map()
    for (const { schema: id } of FILES) {
      const validate = ajv.getSchema(id)
      if (validate === undefined) throw new Error(`schema ${id} is not registered`)
      validators.set(id, validate)
    }
  }
  const validate = validators.get(schema)
  if (validate === undefined) throw new Error(`no validator for ${schema}`)
  return validate
}

function describe (error: ErrorObject): string {
  const params: Record<string, unknown> = error.params
  const extra = typeof params.additionalProperty === 'string' ? ` (${params.additionalProperty})` : ''
  return `${error.message ?? 'is invalid'}${extra}`
}

/** Checks every record; throws a SeedError naming the file, record and field. */
export function validateDataset (dataset: Dataset, label: (key: string) => string = (key) => `seed/${key}.json`): void {
  const all: Records = dataset
  const idsOf = new Map<string, Set<string>>()
  for (const { key, schema } of FILES) {
    const validate = validatorFor(schema)
    const seen = new Set<string>()
    const records = all[key] ?? []
    records.forEach((record, index) => {
      const given: unknown = record.id
      if (!validate(record)) {
        const error = validate.errors?.[0]
        const path = error === undefined ? '' : error.instancePath
        const id = typeof given === 'string' ? ` (id "${given}")` : ''
        throw new SeedError(`${label(key)}: record ${index}${id}, field ${path === '' ? '/' : path}: ${error === undefined ? 'is invalid' : describe(error)}`)
      }
      if (seen.has(record.id)) throw new SeedError(`${label(key)}: record ${index}: duplicate id "${record.id}"`)
      seen.add(record.id)
    })
    idsOf.set(key, seen)
  }

  const fail = (key: string, index: number, field: string, message: string): never => {
    throw new SeedError(`${label(key)}: record ${index} (id "${all[key]?.[index]?.id ?? ''}"), field ${field}: ${message}`)
  }
  const plural = new Map(FILES.map(({ key, resource }) => [resource.singular, key]))
  for (const { key, resource } of FILES) {
    const records = all[key] ?? []
    records.forEach((record, index) => {
      for (const { field, kind, ids } of resource.references(record)) {
        const target = plural.get(kind)
        if (target === undefined) throw new Error(`${resource.plural} refers to an unknown resource "${kind}"`)
        const list = typeof ids === 'string' ? [ids] : ids
        list.forEach((value, position) => {
          if (!idsOf.get(target)?.has(value)) fail(key, index, typeof ids === 'string' ? `/${field}` : `/${field}/${position}`, `no ${target} record with id "${value}"`)
        })
      }
      const broken = resource.check?.(record)
      if (broken !== undefined) fail(key, index, `/${broken.field}`, broken.message)
    })
  }
}

export interface SeedSummary {
  [key: string]: number
}

/** Validates, then upserts every record in one transaction. Idempotent. */
export function loadDataset (sqlite: Sqlite.Database, repos: Repositories, dataset: Dataset): SeedSummary {
  return seedDatabase(sqlite, repos, dataset, {}).counts
}

/**
 * loadDataset, and in the same transaction the removal of the records the reviewed data
 * withdrew (`retired`, from seed/retired.json; see seed/retired.ts): what `npm run db:seed` runs.
 */
export function seedDatabase (sqlite: Sqlite.Database, repos: Repositories, dataset: Dataset, retired: Retired): { counts: SeedSummary, retirement: Retirement } {
  validateDataset(dataset)
  validateRetired(retired, dataset, repos)
  const all: Records = dataset
  const repositories: Readonly<Record<string, unknown>> = repos
  const write = sqlite.transaction(() => {
    for (const { key } of FILES) {
      const repository = repositories[key]
      if (!upserts(repository)) throw new Error(`no repository for ${key}`)
      for (const record of all[key] ?? []) repository.upsert(record)
    }
    return retireRecords(repos, retired)
  })
  const retirement = write()
  return { counts: Object.fromEntries(FILES.map(({ key }) => [key, all[key]?.length ?? 0])), retirement }
}

/** A resource's repository, which stores a validated record given in write-body form. */
function upserts (value: unknown): value is Upserts<{ id: string }> {
  return typeof value === 'object' && value !== null && 'upsert' in value && typeof value.upsert === 'function'
}
