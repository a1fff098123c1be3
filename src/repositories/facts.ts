import type { Db } from '../db/open.js'
import { factSources, sponsorFacts } from '../db/schema.js'
import type { FactInput } from '../schemas/meetings.js'
import { replaceSources } from './links.js'

export function createFactsRepository (db: Db) {
  return {
    /** Insert or replace a dated sponsor fact and its sources. Run inside a transaction. */
    upsert (input: FactInput): void {
      const { id, sponsor, date, summary, sources } = input
      const fields = { sponsorId: sponsor, date, summary }
      db.insert(sponsorFacts).values({ id, ...fields }).onConflictDoUpdate({ target: sponsorFacts.id, set: fields }).run()
      replaceSources(db, factSources, id, sources)
    }
  }
}
