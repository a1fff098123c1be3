// In-process timings with the response cache off: for each URL, the median of N requests
// (app.inject) after WARM warm-up requests. DB (default data/bench/perf-100k.db, made
// with `npm run db:generate-large -- --sponsors 100000 --out …`), URLS (comma-separated),
// N, WARM; DUMP=dir writes each body there, to compare responses before and after a change.
//   DB=data/bench/perf-1k.db URLS='/v1/contracts?status=active' npx tsx test/bench/timing.ts
import { buildApp } from '../../src/app.js'
const FILE = process.env.DB ?? 'data/bench/perf-100k.db'
const URLS = (process.env.URLS ?? '/v1/contracts?activeOn=2020-07-24&limit=20,/v1/contracts?status=active,/v1/search?q=pacific%20motors&limit=20,/v1/search?q=happiness%20health,/v1/categories/cloud-services/holders?on=2024-07-26,/v1/contracts?activeOn=2010-06-01&category=gen-category-5,/v1/sponsors?limit=20,/v1/sponsors/alibaba-group').split(',')
const N = Number(process.env.N ?? 101)
const WARM = Number(process.env.WARM ?? 30)
const app = await buildApp({ databasePath: FILE, seed: false, responseCacheEntries: 0, logger: false })
await app.ready()
for (const url of URLS) {
  const ms: number[] = []
  let status = 0
  let body = ''
  for (let i = 0; i < WARM; i++) await app.inject(url)
  for (let i = 0; i < N; i++) {
    const t = performance.now()
    const r = await app.inject(url)
    ms.push(performance.now() - t)
    status = r.statusCode
    body = r.body
  }
  ms.sort((a, b) => a - b)
  console.log(`${(ms[Math.floor(N / 2)] ?? 0).toFixed(2).padStart(8)} ms  ${status}  ${body.length}B  ${url}`)
  if (process.env.DUMP) (await import('node:fs')).writeFileSync(`${process.env.DUMP}/${encodeURIComponent(url)}`, body)
}
await app.close()
