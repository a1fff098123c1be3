// npm run bench:paging — what paging through a large filtered list costs with the
// response cache off, at BENCH_SPONSORS sponsors (default 100,000; 3 contracts each).
// In one run: a first page right after a write (the total is counted: the baseline)
// against the next pages of the same list (the total comes from the lister's cache,
// kept per data version). Prints the median and p90 time per request, in process.
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { buildApp } from '../../src/app.js'

const SPONSORS = Number(process.env.BENCH_SPONSORS ?? 100_000)
const PAGES = Number(process.env.BENCH_PAGES ?? 30)
const FILE = `data/bench/paging-${SPONSORS}.db`
const LISTS = ['/v1/contracts?status=active', '/v1/contracts?activeOn=2010-06-01', '/v1/sponsors?status=former', '/v1/sponsors?country=CN', '/v1/search?q=pacific%20motors']

function stats (ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms`
}

async function main (): Promise<void> {
  if (!existsSync(FILE)) {
    const made = spawnSync('npx', ['tsx', 'src/cli/generate-large.ts', '--sponsors', String(SPONSORS), '--out', FILE], { stdio: 'inherit' })
    if (made.status !== 0) throw new Error('generating the database failed')
  }
  const app = await buildApp({ databasePath: FILE, seed: false, responseCacheEntries: 0, logger: false })
  await app.ready()
  const time = async (url: string) => {
    const started = performance.now()
    const response = await app.inject(url)
    const ms = performance.now() - started
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`)
    return { ms, body: response.json<{ meta: { total: number, nextCursor: string | null } }>() }
  }
  console.log(`${SPONSORS} sponsors, ${PAGES} pages of 20 per list, response cache off`)
  for (const list of LISTS) {
    const first: number[] = []
    const next: number[] = []
    let total = 0
    for (let round = 0; round < 5; round++) {
      // A write changes the data version: the next first page counts again.
      app.sqlite.prepare("update sources set title = title where rowid = 1").run()
      const page = await time(`${list}&limit=20`)
      first.push(page.ms)
      total = page.body.meta.total
      let cursor = page.body.meta.nextCursor
      for (let n = 0; n < PAGES / 5 && cursor !== null; n++) {
        const following = await time(`${list}&limit=20&cursor=${cursor}`)
        next.push(following.ms)
        cursor = following.body.meta.nextCursor
      }
    }
    const ratio = (first.sort((a, b) => a - b)[2] ?? 0) / (next.sort((a, b) => a - b)[Math.floor(next.length / 2)] ?? 1)
    console.log(`${list} (total ${total}): first page ${stats(first)}; next pages ${stats(next)}; ${ratio.toFixed(1)}× faster`)
  }
  await app.close()
}

main().catch((error: unknown) => { console.error(error); process.exitCode = 1 })
