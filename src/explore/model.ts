// What the /explore page and its chart show, read through the same repositories (and
// the same filters) as GET /v1/contracts: one list call per filter set, never a second
// query path. The page and the SVG are both drawn from this model.
import type { Repositories } from '../repositories/index.js'
import type { Contract } from '../resources/contracts/schemas.js'
import type { FormerName, Sponsor } from '../resources/sponsors/schemas.js'
import { collectAll } from '../lib/paging.js'
import { firstDay, lastDay, termDays } from '../lib/partial-date.js'

/** The filters /explore takes: each is the /v1/contracts query parameter of that name. */
export interface ExploreFilters {
  category?: string | undefined
  country?: string | undefined
  programme?: string | undefined
  activeOn?: string | undefined
}

export const FILTER_NAMES = ['category', 'country', 'programme', 'activeOn'] as const

export type { FormerName } from '../resources/sponsors/schemas.js'

/** A bar: one contract in one partner's row (a joint contract has a bar in each partner's row). */
export interface Bar {
  contract: Contract
  /** First and last day of the term; an open end runs to the chart's end. */
  from: string
  to: string
  open: boolean
}

export interface Row {
  sponsor: { id: string, name: string, country: string | null, formerNames: FormerName[] }
  bars: Bar[]
}

export interface GamesTick { id: string, name: string, season: string, year: number, date: string }

export interface ProgrammeBand {
  id: string
  name: string
  from: string
  to: string
  partnerCount: number | null
  partners: Array<{ id: string, name: string }>
}

export interface ExploreModel {
  filters: ExploreFilters
  today: string
  contracts: Contract[]
  rows: Row[]
  games: GamesTick[]
  programmes: ProgrammeBand[]
  /** Every category (for the form), in name order. */
  categories: Array<{ id: string, name: string }>
  countries: string[]
}

export const FIRST_YEAR = 1985
export const LAST_YEAR = 2032

/** Reads the programme editions (when the repositories have them) as bands. */
export type ProgrammeSource = () => ProgrammeBand[]

/** The query string of the /v1/contracts request that lists the same contracts. */
export function apiQuery (filters: ExploreFilters): string {
  const params = new URLSearchParams()
  for (const name of FILTER_NAMES) {
    const value = filters[name]
    if (value !== undefined) params.set(name, value)
  }
  params.set('limit', '100')
  return params.toString()
}

export function buildExploreModel (repos: Repositories, filters: ExploreFilters, today: string, programmes: ProgrammeSource): ExploreModel {
  const contracts = collectAll((page) => repos.contracts.list(filters, page, today), 'startsOn')
  const sponsors = new Map<string, Sponsor>()
  for (const sponsor of collectAll((page) => repos.sponsors.list({}, page, today), 'name')) sponsors.set(sponsor.id, sponsor)
  const categories = collectAll((page) => repos.categories.list(page), 'name').map(({ id, name }) => ({ id, name }))

  const rows = new Map<string, Row>()
  for (const contract of contracts) {
    const bar: Bar = {
      contract,
      from: firstDay(contract.startsOn),
      to: contract.endsOn === null ? `${LAST_YEAR}-12-31` : lastDay(contract.endsOn),
      open: contract.endsOn === null
    }
    for (const { id, name } of contract.sponsors) {
      let row = rows.get(id)
      if (row === undefined) {
        const record = sponsors.get(id)
        row = { sponsor: { id, name, country: record?.country ?? null, formerNames: record?.formerNames ?? [] }, bars: [] }
        rows.set(id, row)
      }
      row.bars.push(bar)
    }
  }
  // Rows in the order partners joined, then by name.
  const ordered = [...rows.values()].sort((a, b) =>
    (a.bars[0]?.from ?? '').localeCompare(b.bars[0]?.from ?? '') || a.sponsor.name.localeCompare(b.sponsor.name))

  const games = collectAll((page) => repos.games.list({}, page), 'year').map((g) => ({
    id: g.id,
    name: g.name,
    season: g.season,
    year: g.year,
    date: g.startsOn ?? `${g.year}-${g.season === 'winter' ? '02' : '07'}-15`
  }))
  const countries = [...new Set([...sponsors.values()].map((s) => s.country).filter((c): c is string => c !== null))].sort()

  return { filters, today, contracts, rows: ordered, games, programmes: programmes(), categories, countries }
}

/** The categories `sponsor` held under contracts overlapping an edition, by name. */
export function categoriesDuring (contracts: Contract[], band: ProgrammeBand, sponsor: string): string[] {
  const names = new Set<string>()
  for (const contract of contracts) {
    if (!contract.sponsors.some((s) => s.id === sponsor)) continue
    const { startsFirst, endsLast } = termDays(contract.startsOn, contract.endsOn)
    if (startsFirst > band.to || endsLast < band.from) continue
    for (const category of contract.categories) names.add(category.name)
  }
  return [...names]
}
