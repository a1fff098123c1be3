// GET /v1/snapshot: a consistent copy of the whole database for read replicas, taken
// with SQLite's online backup while the server serves and writes. The copy is made
// once per data version and kept in a temporary folder; its ETag (a hash of its bytes,
// the data version a replica reports) answers If-None-Match with a 304, so a replica
// that is up to date costs one header exchange. Needs a replicate-scoped key: the copy
// holds everything, the audit trail and the key hashes included.
import { createHash } from 'node:crypto'
import { closeSync, createReadStream, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { dataVersionOf } from '../db/version.js'
import type { Migration } from '../db/schema-version.js'
import { matchesEtag } from '../plugins/caching.js'
import { problemResponse } from '../plugins/problems.js'

export interface SnapshotOptions {
  /** The schema version of this server's database, sent as X-Schema-Version. */
  schema: Migration
}

interface Snapshot {
  /** This connection's data version when the copy was taken. */
  at: string
  file: string
  version: string
  size: number
}

/** The version of a snapshot file: a hash of its bytes (its ETag, quoted). */
export function fileVersion (file: string): string {
  const hash = createHash('sha256')
  const fd = openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(1 << 16)
    let read: number
    while ((read = readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read))
  } finally {
    closeSync(fd)
  }
  return hash.digest('base64url').slice(0, 32)
}

const VersionHeader = (description: string) => ({ description, type: 'string', minLength: 1, maxLength: 200 })

const snapshot: FastifyPluginAsyncTypebox<SnapshotOptions> = async (app, options) => {
  const folder = mkdtempSync(join(tmpdir(), 'sponsors-snapshot-'))
  app.addHook('onClose', async () => { rmSync(folder, { recursive: true, force: true }) })
  let current: Snapshot | undefined
  let making: Promise<Snapshot> | undefined
  let serial = 0

  async function make (at: string): Promise<Snapshot> {
    const file = join(folder, `snapshot-${++serial}.db`)
    await app.sqlite.backup(file)
    const made = { at, file, version: fileVersion(file), size: statSync(file).size }
    // A stream already reading the previous copy holds its descriptor: unlinking is safe.
    if (current !== undefined) rmSync(current.file, { force: true })
    current = made
    return made
  }

  /** The copy of the current data version, made when the data moved since the last one. */
  async function latest (): Promise<Snapshot> {
    const at = dataVersionOf(app.sqlite)()
    if (current !== undefined && current.at === at) return current
    making ??= make(at).finally(() => { making = undefined })
    return await making
  }

  app.get('/snapshot', {
    config: { scope: 'replicate' },
    schema: {
      tags: ['replication'],
      operationId: 'getSnapshot',
      summary: 'A consistent copy of the database, for read replicas',
      description: 'The whole SQLite database, copied with SQLite\'s online backup while the server serves and writes. The ETag is the copy\'s data version: send it in If-None-Match to get a 304 while nothing changed. X-Schema-Version names the latest migration applied to it. Needs a key with the replicate scope.',
      response: {
        200: {
          description: 'The SQLite database file.',
          headers: {
            'X-Schema-Version': VersionHeader('The latest migration applied to the copy; a replica takes only a copy whose schema is its own.'),
            'X-Data-Version': VersionHeader('The copy\'s data version (its ETag without quotes).')
          },
          content: { 'application/octet-stream': { schema: Type.String({ format: 'binary', maxLength: 17_179_869_184 }) } }
        },
        304: { description: 'Not Modified: the ETag in If-None-Match is the current data version.', type: 'null' },
        500: problemResponse('The copy could not be made.')
      }
    }
  }, async (request, reply) => {
    const copy = await latest()
    const etag = `"${copy.version}"`
    reply.header('etag', etag).header('cache-control', 'private, no-cache')
      .header('x-schema-version', options.schema.tag).header('x-data-version', copy.version)
    if (matchesEtag(request.headers['if-none-match'], etag, false)) return await reply.code(304).send(null)
    // Opened now, before any later copy can replace (and unlink) this one.
    const fd = openSync(copy.file, 'r')
    return await reply.type('application/octet-stream').header('content-length', copy.size)
      .header('content-disposition', 'attachment; filename="sponsors.db"')
      .send(createReadStream('', { fd }))
  })
}

export default snapshot
