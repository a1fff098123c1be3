// The server finds its migrations, seed and package.json from the package, so it starts
// from any working directory (a service manager's, a container's, a shell in /tmp).
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { fromPackage, packageRoot } from '../../src/lib/package-paths.js'

t.test('the package root holds package.json, migrations and seed', async (t) => {
  t.ok(existsSync(join(packageRoot, 'package.json')))
  t.ok(existsSync(fromPackage('migrations', 'meta', '_journal.json')))
  t.ok(existsSync(fromPackage('seed', 'sponsors.json')))
})

t.test('the app builds, migrates and seeds from another working directory', async (t) => {
  const before = process.cwd()
  process.chdir(mkdtempSync(join(tmpdir(), 'sponsors-cwd-')))
  t.teardown(() => { process.chdir(before) })
  const app = await buildApp({ databasePath: ':memory:' })
  t.teardown(() => app.close())
  const response = await app.inject({ method: 'GET', url: '/v1/sponsors/alibaba-group' })
  t.equal(response.statusCode, 200)
  t.equal(response.json().name, 'Alibaba Group')
})
