// A consistent copy of a live database with SQLite's online backup, checked with
// PRAGMA integrity_check before it is reported good.
import { existsSync } from 'node:fs'
import Sqlite from 'better-sqlite3'

export async function snapshot (source: string, target: string): Promise<{ pages: number }> {
  if (existsSync(target)) throw new Error(`${target} exists; choose a new file`)
  const db = new Sqlite(source, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    const { totalPages } = await db.backup(target)
    const copy = new Sqlite(target, { readonly: true })
    try {
      const result = copy.pragma('integrity_check', { simple: true })
      if (result !== 'ok') throw new Error(`the snapshot failed its integrity check: ${String(result)}`)
    } finally {
      copy.close()
    }
    return { pages: totalPages }
  } finally {
    db.close()
  }
}
