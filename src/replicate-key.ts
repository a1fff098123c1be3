// The replicate key shared by a primary and its replicas when they are deployed together
// (deploy/compose.yaml): REPLICATE_KEY gives the token, or REPLICATE_KEY_FILE names a
// file that holds it. A primary registers that token as a replicate-scoped key; when
// the file does not exist yet, it makes a new key and writes the token there (mode
// 0600) for the replicas to read.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { KeysRepository } from './repositories/keys.js'

export function readKeyFile (file: string): string {
  return readFileSync(file, 'utf8').trim()
}

export function provisionReplicateKey (keys: KeysRepository, source: { token?: string | undefined, file?: string | undefined }, now: string): 'adopted' | 'created' | 'none' {
  const token = source.token ?? (source.file !== undefined && existsSync(source.file) ? readKeyFile(source.file) : undefined)
  if (token !== undefined) {
    if (!keys.adopt(token, 'replicas (REPLICATE_KEY)', 'replicate', now)) throw new Error('REPLICATE_KEY: not a key this API issues (tk_<16 hex>_<43 characters>)')
    return 'adopted'
  }
  if (source.file === undefined) return 'none'
  const { token: made } = keys.create('replicas (REPLICATE_KEY_FILE)', 'replicate', now)
  writeFileSync(source.file, `${made}\n`, { mode: 0o600 })
  return 'created'
}
