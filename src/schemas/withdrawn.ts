// What a GET of a withdrawn id answers when another record replaced it (routes/read.ts):
// a 301 to that record, with this body, as GitHub answers a renamed repository.
import { Type } from 'typebox'
import { Id, Ref } from './common.js'

/** Longest reason a withdrawn record gives (seed/retired.json is checked against it). */
export const WITHDRAWN_REASON_MAX = 500

export const Withdrawn = Type.Object({
  id: Ref(Id),
  replacedBy: Ref(Id),
  reason: Type.String({ minLength: 1, maxLength: WITHDRAWN_REASON_MAX, description: 'Why the reviewed data withdrew it (seed/retired.json).' }),
  href: Type.String({ maxLength: 200, pattern: '^/v1/', description: 'The URL of the record that replaced it, as in the Location header.' })
}, {
  $id: 'Withdrawn',
  additionalProperties: false,
  description: 'A record the reviewed data withdrew, and the record that replaced it.',
  examples: [{
    id: 'samsung-top-1997-2028',
    replacedBy: 'samsung-top-1997-2016',
    reason: 'Split where its category changed.',
    href: '/v1/contracts/samsung-top-1997-2016'
  }]
})
