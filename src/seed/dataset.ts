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
import type { CategoryInput } from '../resources/categories/schemas.js'
import type { ContractInput } from '../resources/contracts/schemas.js'
import type { GameInput } from '../resources/games/schemas.js'
import type { FactInput } from '../resources/facts/schemas.js'
import type { MeetingInput } from '../resources/meetings/schemas.js'
import type { ProgrammeInput } from '../resources/programmes/schemas.js'
import type { SourceInput } from '../resources/sources/schemas.js'
import type { SponsorInput } from '../resources/sponsors/schemas.js'
import { firstDay, lastDay } from '../lib/partial-date.js'

// A type, not an interface, so it has the implicit index signature Object.entries needs.
export type Dataset = {
  sources: SourceInput[]
  games: GameInput[]
  categories: CategoryInput[]
  sponsors: SponsorInput[]
  contracts: ContractInput[]
  programmes: ProgrammeInput[]
  meetings: MeetingInput[]
  facts: FactInput[]
}

/** Files in load order, with the schema each record must satisfy. */
const FILES: Array<{ key: keyof Dataset, schema: string }> = [
  { key: 'sources', schema: 'SourceInput' },
  { key: 'games', schema: 'GameInput' },
  { key: 'categories', schema: 'CategoryInput' },
  { key: 'sponsors', schema: 'SponsorInput' },
  { key: 'contracts', schema: 'ContractInput' },
  { key: 'programmes', schema: 'ProgrammeInput' },
  { key: 'meetings', schema: 'MeetingInput' },
  { key: 'facts', schema: 'FactInput' }
]

export class SeedError extends Error {
  override name = 'SeedError'
}

export function emptyDataset (): Dataset {
  return { sources: [], games: [], categories: [], sponsors: [], contracts: [], programmes: [], meetings: [], facts: [] }
}

export function readDataset (dir: string): Dataset {
  const dataset = emptyDataset()
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
    dataset[key] = parsed as never
  }
  return dataset
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
export function validateDataset (dataset: Dataset, label: (key: keyof Dataset) => string = (key) => `seed/${key}.json`): void {
  const ids = new Map<keyof Dataset, Set<string>>()
  for (const { key, schema } of FILES) {
    const validate = validatorFor(schema)
    const seen = new Set<string>()
    dataset[key].forEach((record, index) => {
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
    ids.set(key, seen)
  }

  const check = (key: keyof Dataset, index: number, field: string, target: keyof Dataset, values: readonly string[]) => {
    values.forEach((value, position) => {
      if (!ids.get(target)?.has(value)) {
        throw new SeedError(`${label(key)}: record ${index} (id "${dataset[key][index]?.id ?? ''}"), field /${field}/${position}: no ${target} record with id "${value}"`)
      }
    })
  }
  for (const key of ['games', 'categories', 'sponsors', 'contracts', 'programmes', 'meetings', 'facts'] as const) {
    dataset[key].forEach((record, index) => check(key, index, 'sources', 'sources', record.sources))
  }
  dataset.contracts.forEach((contract, index) => {
    check('contracts', index, 'sponsors', 'sponsors', contract.sponsors)
    check('contracts', index, 'categories', 'categories', contract.categories)
    check('contracts', index, 'games', 'games', contract.games)
    if (contract.endsOn !== null && lastDay(contract.endsOn) < firstDay(contract.startsOn)) {
      throw new SeedError(`${label('contracts')}: record ${index} (id "${contract.id}"), field /endsOn: ends before it starts`)
    }
  })
  dataset.programmes.forEach((programme, index) => {
    if (lastDay(programme.endsOn) < firstDay(programme.startsOn)) {
      throw new SeedError(`${label('programmes')}: record ${index} (id "${programme.id}"), field /endsOn: ends before it starts`)
    }
  })
  dataset.meetings.forEach((meeting, index) => check('meetings', index, 'sponsors', 'sponsors', meeting.sponsors))
  dataset.facts.forEach((fact, index) => {
    if (!ids.get('sponsors')?.has(fact.sponsor)) {
      throw new SeedError(`${label('facts')}: record ${index} (id "${fact.id}"), field /sponsor: no sponsors record with id "${fact.sponsor}"`)
    }
  })
}

export interface SeedSummary {
  [key: string]: number
}

/** Validates, then upserts every record in one transaction. Idempotent. */
export function loadDataset (sqlite: Sqlite.Database, repos: Repositories, dataset: Dataset): SeedSummary {
  validateDataset(dataset)
  const write = sqlite.transaction(() => {
    for (const record of dataset.sources) repos.sources.upsert(record)
    for (const record of dataset.games) repos.games.upsert(record)
    for (const record of dataset.categories) repos.categories.upsert(record)
    for (const record of dataset.sponsors) repos.sponsors.upsert(record)
    for (const record of dataset.contracts) repos.contracts.upsert(record)
    for (const record of dataset.programmes) repos.programmes.upsert(record)
    for (const record of dataset.meetings) repos.meetings.upsert(record)
    for (const record of dataset.facts) repos.facts.upsert(record)
  })
  write()
  return Object.fromEntries(FILES.map(({ key }) => [key, dataset[key].length]))
}
