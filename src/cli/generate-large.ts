// npm run db:generate-large -- --sponsors 100000 [--out FILE] [--force]
// A realistic synthetic database for benchmarks: the reviewed seed, plus per 1 sponsor
// 3 contracts (its own category, 1–3 Games, overlapping terms), 0.5 meetings with 2
// participants and 2 quotes, over 1,000 synthetic sources. Written with prepared
// statements in large transactions, then the search index is rebuilt in one pass.
import { existsSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase } from '../db/open.js'
import { createRepositories } from '../repositories/index.js'
import { loadDataset, readDataset } from '../seed/dataset.js'
import { runCli } from './run.js'
import { fromPackage } from '../lib/package-paths.js'

const WORDS = ['Global', 'Pacific', 'Nordic', 'Summit', 'Vertex', 'Aurora', 'Atlas', 'Harbor', 'Zenith', 'Orbit', 'Delta', 'Crest', 'Pioneer', 'Lumen', 'Meridian', 'Sierra']
const KINDS = ['Foods', 'Motors', 'Systems', 'Telecom', 'Bank', 'Airlines', 'Energy', 'Insurance', 'Logistics', 'Media', 'Pharma', 'Apparel']
const COUNTRIES = ['US', 'CN', 'JP', 'DE', 'FR', 'GB', 'KR', 'CH', 'IT', 'BR', 'IN', 'AU', 'CA', 'NL', 'ES', 'SE']
const CITIES = ['Lausanne', 'Tokyo', 'Paris', 'Seoul', 'London', 'New York', 'Beijing', 'Munich']
const QUOTES = ['We are proud to support the athletes.', 'Technology will bring the Games closer to the fans.', 'This partnership reflects our shared values.', 'Together we can reach new audiences around the world.']

function progress (label: string, done: number, total: number): void {
  const width = 30
  const filled = Math.round((done / total) * width)
  process.stderr.write(`\r${label.padEnd(10)} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(Math.round((done / total) * 100)).padStart(3)}% ${done}/${total}`)
  if (done === total) process.stderr.write('\n')
}

/** Runs `row(i)` for i in [0, total) in transactions of `chunk` rows, with a progress bar. */
function inChunks (sqlite: import('better-sqlite3').Database, label: string, total: number, row: (i: number) => void): void {
  const chunk = 20_000
  for (let start = 0; start < total; start += chunk) {
    const end = Math.min(total, start + chunk)
    sqlite.transaction(() => { for (let i = start; i < end; i++) row(i) })()
    progress(label, end, total)
  }
}

runCli(() => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { sponsors: { type: 'string', default: '100000' }, out: { type: 'string' }, force: { type: 'boolean', default: false } }
  })
  const sponsors = Number(values.sponsors)
  if (!Number.isInteger(sponsors) || sponsors < 1 || sponsors > 1_000_000) throw new Error('--sponsors must be a whole number from 1 to 1000000')
  const out = resolve(values.out ?? `data/large-${sponsors}.db`)
  if (existsSync(out)) {
    if (!values.force) throw new Error(`${out} exists; pass --force to replace it`)
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${out}${suffix}`, { force: true })
  }
  const started = Date.now()
  const { sqlite, db } = openDatabase({ path: out, migrationsFolder: fromPackage('migrations') })
  sqlite.pragma('synchronous = OFF')
  const repos = createRepositories(db)
  loadDataset(sqlite, repos, readDataset(fromPackage('seed')))
  const games = (sqlite.prepare<[], string>('select id from games order by year').pluck().all())

  const source = sqlite.prepare('insert into sources (id, title, publisher, url, published_on) values (?, ?, ?, ?, ?)')
  const sponsor = sqlite.prepare('insert into sponsors (id, name, country, headquarters, industry, website, description) values (?, ?, ?, ?, ?, ?, ?)')
  const category = sqlite.prepare('insert into categories (id, name, description) values (?, ?, ?)')
  const contract = sqlite.prepare('insert into contracts (id, programme, signed_on, starts_on, ends_on, territory, ended_early, notes) values (?, \'TOP\', ?, ?, ?, \'worldwide\', 0, ?)')
  const meeting = sqlite.prepare('insert into meetings (id, date, city, country, summary) values (?, ?, ?, ?, ?)')
  const link = (table: string, owner: string, target: string) => sqlite.prepare(`insert into ${table} (${owner}, ${target}, position) values (?, ?, ?)`)
  const sponsorSource = link('sponsor_sources', 'sponsor_id', 'source_id')
  const categorySource = link('category_sources', 'category_id', 'source_id')
  const contractSponsor = link('contract_sponsors', 'contract_id', 'sponsor_id')
  const contractCategory = link('contract_categories', 'contract_id', 'category_id')
  const contractGame = link('contract_games', 'contract_id', 'games_id')
  const contractSource = link('contract_sources', 'contract_id', 'source_id')
  const meetingSponsor = link('meeting_sponsors', 'meeting_id', 'sponsor_id')
  const meetingSource = link('meeting_sources', 'meeting_id', 'source_id')
  const participant = sqlite.prepare('insert into meeting_participants (meeting_id, position, name, role, organisation) values (?, ?, ?, ?, ?)')
  const quote = sqlite.prepare('insert into meeting_quotes (meeting_id, position, speaker, text) values (?, ?, ?, ?)')

  const SOURCES = 1000
  const src = (i: number) => `gen-source-${i % SOURCES}`
  const sid = (i: number) => `gen-sponsor-${i}`
  inChunks(sqlite, 'sources', SOURCES, (i) => {
    source.run(src(i), `Generated report ${i}`, 'Synthetic Wire', `https://example.org/reports/${i}`, `${2000 + (i % 25)}-0${1 + (i % 9)}`)
  })
  inChunks(sqlite, 'sponsors', sponsors, (i) => {
    const name = `${WORDS[i % WORDS.length] ?? ''} ${KINDS[Math.floor(i / WORDS.length) % KINDS.length] ?? ''} ${i}`
    const kind = KINDS[Math.floor(i / WORDS.length) % KINDS.length] ?? ''
    sponsor.run(sid(i), name, COUNTRIES[i % COUNTRIES.length], null, kind, null, `${name} is a synthetic ${kind.toLowerCase()} company.`)
    sponsorSource.run(sid(i), src(i), 0)
    category.run(`gen-category-${i}`, `${kind} category ${i}`, null)
    categorySource.run(`gen-category-${i}`, src(i + 1), 0)
  })
  inChunks(sqlite, 'contracts', sponsors * 3, (i) => {
    const owner = Math.floor(i / 3)
    const start = 1990 + ((owner * 7 + (i % 3) * 11) % 35)
    const end = start + 4 + (i % 8)
    const id = `gen-contract-${i}`
    contract.run(id, `${start - 1}-${String(1 + (i % 12)).padStart(2, '0')}`, String(start), String(end), i % 5 === 0 ? `Extension ${i % 3} of the partnership.` : null)
    contractSponsor.run(id, sid(owner), 0)
    contractCategory.run(id, `gen-category-${owner}`, 0)
    const covered = games.slice(i % games.length, (i % games.length) + 1 + (i % 3))
    covered.forEach((game, position) => contractGame.run(id, game, position))
    contractSource.run(id, src(i), 0)
  })
  inChunks(sqlite, 'meetings', Math.floor(sponsors / 2), (i) => {
    const id = `gen-meeting-${i}`
    const year = 1995 + (i % 30)
    const date = i % 3 === 0 ? String(year) : `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`
    meeting.run(id, date, CITIES[i % CITIES.length], 'CH', `Partnership talks number ${i}.`)
    meetingSponsor.run(id, sid(i * 2), 0)
    meetingSource.run(id, src(i), 0)
    participant.run(id, 0, 'Thomas Bach', 'President', 'International Olympic Committee')
    participant.run(id, 1, `Executive ${i}`, 'CEO', `Sponsor ${i * 2}`)
    quote.run(id, 0, 'Thomas Bach', QUOTES[i % QUOTES.length])
    quote.run(id, 1, `Executive ${i}`, QUOTES[(i + 1) % QUOTES.length])
  })
  process.stderr.write('search    rebuilding the full-text index…\n')
  repos.search.rebuildAll()
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.exec('analyze')
  // Keep the planner's row counts (sqlite_stat1) but not STAT4's samples: with samples, a
  // statement whose range bound is a parameter is prepared again on every run (a page of
  // a list ~0.1–0.5 ms more), which the seeded database never analysed does not pay.
  sqlite.exec('delete from sqlite_stat4')
  sqlite.close()
  process.stdout.write(`wrote ${out}: ${sponsors} sponsors, ${sponsors * 3} contracts, ${Math.floor(sponsors / 2)} meetings in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
})
