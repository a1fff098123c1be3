// npm run openapi — boot the app, write the OpenAPI document to openapi/openapi.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { buildApp } from '../app.js'
import { renderOpenApi } from '../lib/openapi-file.js'
import { runCli } from './run.js'

runCli(async () => {
  const app = await buildApp({ databasePath: ':memory:', seed: false })
  await app.ready()
  const file = resolve('openapi/openapi.json')
  mkdirSync(resolve('openapi'), { recursive: true })
  writeFileSync(file, renderOpenApi(app.swagger()))
  await app.close()
  process.stdout.write(`wrote ${file}\n`)
})
