// npm run openapi — boot the app, write the OpenAPI document to openapi/openapi.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { buildApp } from '../app.js'
import { renderOpenApi } from '../lib/openapi-file.js'
import { runCli } from './run.js'
import { fromPackage } from '../lib/package-paths.js'

runCli(async () => {
  const app = await buildApp({ databasePath: ':memory:', seed: false })
  await app.ready()
  const file = fromPackage('openapi', 'openapi.json')
  mkdirSync(fromPackage('openapi'), { recursive: true })
  writeFileSync(file, renderOpenApi(app.swagger()))
  await app.close()
  process.stdout.write(`wrote ${file}\n`)
})
