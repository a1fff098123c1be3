// A second client generator the project does not otherwise use (@hey-api/openapi-ts)
// must turn openapi/openapi.json into an SDK that compiles under strict TypeScript,
// with one function per operation, and code written against it must type-check, while
// code that breaks the document's promises (a numeric id) must not.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import t from 'tap'

const document = JSON.parse(readFileSync('openapi/openapi.json', 'utf8')) as { paths: Record<string, Record<string, { operationId?: string }>> }
const operationIds = Object.values(document.paths).flatMap((item) => Object.values(item).map((op) => op.operationId)).filter((id): id is string => id !== undefined)

const dir = mkdtempSync(join(tmpdir(), 'hey-api-'))
t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })

function tsc (files: string[]) {
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: [] },
    include: files
  }))
  return spawnSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' })
}

t.test('hey-api generates an SDK with one function per operation', async (t) => {
  const run = spawnSync(process.execPath, [resolve('node_modules/@hey-api/openapi-ts/bin/run.js'), '-i', resolve('openapi/openapi.json'), '-o', join(dir, 'gen')], { encoding: 'utf8' })
  t.equal(run.status, 0, run.stderr)
  const sdk = readFileSync(join(dir, 'gen', 'sdk.gen.ts'), 'utf8')
  t.ok(operationIds.length > 40)
  for (const id of operationIds) t.match(sdk, new RegExp(`export const ${id}\\b`), `sdk has ${id}`)
})

t.test('code written against the SDK type-checks, and a wrong type does not', async (t) => {
  writeFileSync(join(dir, 'use.ts'), `import { getGame, listSponsors, createSponsor } from './gen/index.js'
export async function demo (): Promise<string | undefined> {
  const game = await getGame({ path: { id: 'la-2028' } })
  const list = await listSponsors({ query: { country: 'CN', limit: 5, programme: 'top-2017-2020' } })
  const created = await createSponsor({ body: { name: 'Manulife Financial', sources: ['sbj-2003-10-06-hancock-manulife'] }, headers: { 'Idempotency-Key': 'retry-1' } })
  return game.data?.city ?? list.data?.data[0]?.name ?? created.data?.status
}
`)
  const ok = tsc(['gen', 'use.ts'])
  t.equal(ok.status, 0, ok.stdout)
  writeFileSync(join(dir, 'wrong.ts'), `import { getGame } from './gen/index.js'
export const wrong = getGame({ path: { id: 2028 } })
`)
  const wrong = tsc(['gen', 'wrong.ts'])
  t.not(wrong.status, 0)
  t.match(wrong.stdout, /wrong\.ts.*TS2322/)
})
