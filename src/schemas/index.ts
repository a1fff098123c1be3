import { sharedSchemas } from './common.js'
import { Category, CategoryInput, CategoryList, Holder, HolderList } from './categories.js'
import { Contract, ContractInput, ContractList } from './contracts.js'
import { Game, GameInput, GameList } from './games.js'
import { Fact, Location, Meeting, MeetingInput, MeetingList, Participant, Quote } from './meetings.js'
import { Source, SourceInput, SourceList } from './sources.js'
import { SearchHit, SearchResults } from './search.js'
import { Sponsor, SponsorInput, SponsorList } from './sponsors.js'
import { Timeline, TimelineEvent } from './timeline.js'

/** Schemas with an `$id` that routes use: registered once, named in the OpenAPI document. */
export const apiSchemas = [
  ...sharedSchemas,
  Source, SourceList,
  Game, GameList,
  Category, CategoryList, Holder, HolderList,
  Sponsor, SponsorList,
  Contract, ContractList,
  Participant, Quote, Location, Meeting, MeetingList,
  SearchHit, SearchResults,
  TimelineEvent, Timeline
]

/** Record shapes of the seed files (and of write bodies). */
export const inputSchemas = [SourceInput, GameInput, CategoryInput, SponsorInput, ContractInput, MeetingInput, Fact]

export const allSchemas = [...apiSchemas, ...inputSchemas]
