import { asc, eq, sql } from 'drizzle-orm'
import type { Static } from 'typebox'
import type { Db } from '../db/open.js'
import { factSources, sponsorFacts } from '../db/schema.js'
import type { SourceSummary } from '../schemas/common.js'
import type { FactInput } from '../schemas/meetings.js'
import { parseJson, sourcesOf } from './embed.js'
import { replaceSources } from './links.js'

export interface Fact {
  id: string
  date: string
  summary: string
  sources: Array<Static<typeof SourceSummary>>
}

export function createFactsRepository (db: Db) {
  const f = sponsorFacts
  const ofSponsor = db.select({ id: f.id, date: f.date, summary: f.summary, sources: sourcesOf(factSources, f.id) })
    .from(f).where(eq(f.sponsorId, sql.placeholder('sponsor'))).orderBy(asc(f.dateFirst), asc(f.id)).prepare()

  return {
    /** A sponsor's dated facts, oldest first. */
    ofSponsor (sponsor: string): Fact[] {
      return (ofSponsor.all({ sponsor }) as Array<Omit<Fact, 'sources'> & { sources: string }>)
        .map((row) => ({ ...row, sources: parseJson<Fact['sources']>(row.sources) }))
    },

    /** Insert or replace a dated sponsor fact and its sources. Run inside a transaction. */
    upsert (input: FactInput): void {
      const { id, sponsor, date, summary, sources } = input
      const fields = { sponsorId: sponsor, date, summary }
      db.insert(f).values({ id, ...fields }).onConflictDoUpdate({ target: f.id, set: fields }).run()
      replaceSources(db, factSources, id, sources)
    }
  }
}
