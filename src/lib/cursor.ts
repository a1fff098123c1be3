// Opaque keyset cursors: the sort they belong to and the last row's sort key and id,
// base64url-encoded JSON. A cursor is only valid with the sort it was made for.
import { badParameter } from './errors.js'

export type SortKey = string | number

export function encodeCursor (sort: string, key: SortKey, id: string): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString('base64url')
}

export function decodeCursor (cursor: string, sort: string): { key: SortKey, id: string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw badParameter('cursor', 'is not a cursor this API issued')
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[2] !== 'string' ||
    (typeof parsed[1] !== 'string' && typeof parsed[1] !== 'number')) {
    throw badParameter('cursor', 'is not a cursor this API issued')
  }
  if (parsed[0] !== sort) {
    throw badParameter('cursor', `was issued for sort "${String(parsed[0])}", not "${sort}"`)
  }
  return { key: parsed[1], id: parsed[2] }
}
