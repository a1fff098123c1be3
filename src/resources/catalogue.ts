// The whole error catalogue: the fixed codes of src/lib/errors.ts with each resource's
// own two (`<SINGULAR>_NOT_FOUND`, `<SINGULAR>_IN_USE`) derived from the declarations,
// in the order the README lists them. The OpenAPI document's Problem.code enum and the
// README's table are this list (test/error-catalogue.test.ts).
import { ERRORS, RECORD_ERRORS } from '../lib/errors.js'
import { referrersOf } from '../repositories/integrity.js'
import { resources } from './all.js'

export interface CatalogueEntry {
  code: string
  status: number
  title: string
  meaning: string
}

const referrers = referrersOf(resources)

function recordCodes (suffix: keyof typeof RECORD_ERRORS): CatalogueEntry[] {
  return resources.map((resource) => {
    const label = resource.label ?? resource.singular
    const by = [...new Set((referrers.get(resource.singular) ?? []).map(({ path }) => path.replace('/v1/', '')))]
    const meaning = suffix === 'NOT_FOUND'
      ? `No ${label} has this id.`
      : by.length > 0
        ? `The ${label} is still referred to (by ${by.join(', ')}).`
        : resource.collection.writable
          ? `The ${label} is still referred to (nothing refers to ${resource.plural} yet; DELETE documents it like every resource).`
          : `Not sent: nothing refers to ${resource.plural}, and they are read-only.`
    return { code: `${resource.singular.toUpperCase()}_${suffix}`, ...RECORD_ERRORS[suffix], meaning }
  })
}

/** After which fixed code each resource's codes are listed. */
const AFTER: Record<keyof typeof RECORD_ERRORS, keyof typeof ERRORS> = { NOT_FOUND: 'ROUTE_NOT_FOUND', IN_USE: 'DUPLICATE_RECORD' }

export const CATALOGUE: CatalogueEntry[] = Object.entries(ERRORS).flatMap(([code, entry]) => [
  { code, status: entry.status, title: entry.title, meaning: entry.meaning },
  ...(code === AFTER.NOT_FOUND ? recordCodes('NOT_FOUND') : []),
  ...(code === AFTER.IN_USE ? recordCodes('IN_USE') : [])
])
