// npm run resources — write src/resources/registry.ts from the resource folders.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { REGISTRY_FILE, registrySource } from '../lib/resource-registry.js'

const text = registrySource()
const current = existsSync(REGISTRY_FILE) ? readFileSync(REGISTRY_FILE, 'utf8') : ''
if (current !== text) writeFileSync(REGISTRY_FILE, text)
process.stdout.write(`${current === text ? 'up to date' : 'wrote'}: ${REGISTRY_FILE}\n`)
