// Random sequences of creates, updates and deletes through the API, checked after every
// step against a simple model of the data, including which writes the integrity rules
// must refuse. The seed is printed; set FC_SEED to replay a run.
import fc from 'fast-check'
import t from 'tap'
import { build, category, dataset, keyFor } from './helper.js'

interface ModelSponsor { name: string, country: string }
interface ModelContract { sponsor: string, category: string, from: number, to: number }

type Op =
  | { kind: 'createSponsor', name: string, country: string }
  | { kind: 'updateSponsor', pick: number, name?: string | undefined, country?: string | undefined }
  | { kind: 'deleteSponsor', pick: number }
  | { kind: 'createContract', pickSponsor: number, category: string, from: number, length: number }
  | { kind: 'deleteContract', pick: number }

const word = fc.stringMatching(/^[A-Za-z][a-z]{0,7}$/)
const country = fc.constantFrom('US', 'CN', 'JP', 'FR')
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('createSponsor' as const), name: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')), country }),
  fc.record({ kind: fc.constant('updateSponsor' as const), pick: fc.nat(), name: fc.option(word, { nil: undefined }), country: fc.option(country, { nil: undefined }) }),
  fc.record({ kind: fc.constant('deleteSponsor' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('createContract' as const), pickSponsor: fc.nat(), category: fc.constantFrom('cloud', 'drinks'), from: fc.integer({ min: 2000, max: 2030 }), length: fc.integer({ min: 0, max: 8 }) }),
  fc.record({ kind: fc.constant('deleteContract' as const), pick: fc.nat() })
)

const seed = process.env.FC_SEED === undefined ? 20261125 : Number(process.env.FC_SEED)

t.test('reads agree with a model after every write', async (t) => {
  t.comment(`fast-check seed ${seed}`)
  await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
    const api = await build(t, { seed: dataset({ categories: [category('cloud'), category('drinks')] }) })
    const { headers } = keyFor(api)
    const sponsors = new Map<string, ModelSponsor>()
    const contracts = new Map<string, ModelContract>()
    const nth = <V>(map: Map<string, V>, pick: number): string | undefined => [...map.keys()].sort()[pick % Math.max(map.size, 1)]

    for (const step of ops) {
      switch (step.kind) {
        case 'createSponsor': {
          // A sponsor's name is a natural key, in any case.
          const duplicate = [...sponsors.values()].some((s) => s.name.toLowerCase() === step.name.toLowerCase())
          const res = await api.request({ method: 'POST', url: '/v1/sponsors', headers, payload: { name: step.name, country: step.country, headquarters: null, industry: null, website: null, description: null, sources: ['src'] } })
          if (res.status !== (duplicate ? 409 : 201)) throw new Error(`create sponsor (duplicate ${String(duplicate)}): ${res.status} ${res.text}`)
          if (!duplicate) sponsors.set(res.body.id as string, { name: step.name, country: step.country })
          break
        }
        case 'updateSponsor': {
          const id = nth(sponsors, step.pick)
          if (id === undefined || (step.name === undefined && step.country === undefined)) break
          const patch = { ...(step.name === undefined ? {} : { name: step.name }), ...(step.country === undefined ? {} : { country: step.country }) }
          const name = step.name
          const duplicate = name !== undefined && [...sponsors.entries()].some(([other, s]) => other !== id && s.name.toLowerCase() === name.toLowerCase())
          const res = await api.request({ method: 'PATCH', url: `/v1/sponsors/${id}`, headers, payload: patch })
          if (res.status !== (duplicate ? 409 : 200)) throw new Error(`update sponsor (duplicate ${String(duplicate)}): ${res.status} ${res.text}`)
          if (!duplicate) sponsors.set(id, { ...(sponsors.get(id) as ModelSponsor), ...patch })
          break
        }
        case 'deleteSponsor': {
          const id = nth(sponsors, step.pick)
          if (id === undefined) break
          const referenced = [...contracts.values()].some((c) => c.sponsor === id)
          const res = await api.request({ method: 'DELETE', url: `/v1/sponsors/${id}`, headers })
          if (res.status !== (referenced ? 409 : 204)) throw new Error(`delete sponsor (referenced ${String(referenced)}): ${res.status}`)
          if (!referenced) sponsors.delete(id)
          break
        }
        case 'createContract': {
          const sponsor = nth(sponsors, step.pickSponsor)
          if (sponsor === undefined) break
          const to = step.from + step.length
          // Another sponsor holding the category then is a clash (exclusivity); the same sponsor
          // holding it then is a duplicate (natural key). Both are 409s.
          const clash = [...contracts.values()].some((c) => c.category === step.category && c.from <= to && c.to >= step.from)
          const res = await api.request({
            method: 'POST', url: '/v1/contracts', headers,
            payload: { sponsors: [sponsor], categories: [step.category], programme: 'TOP', signedOn: null, startsOn: String(step.from), endsOn: String(to), games: [], territory: 'worldwide', endedEarly: false, notes: null, sources: ['src'] }
          })
          if (res.status !== (clash ? 409 : 201)) throw new Error(`create contract (clash ${String(clash)}): ${res.status} ${res.text}`)
          if (!clash) contracts.set(res.body.id as string, { sponsor, category: step.category, from: step.from, to })
          break
        }
        case 'deleteContract': {
          const id = nth(contracts, step.pick)
          if (id === undefined) break
          const res = await api.request({ method: 'DELETE', url: `/v1/contracts/${id}`, headers })
          if (res.status !== 204) throw new Error(`delete contract: ${res.status}`)
          contracts.delete(id)
          break
        }
      }

      const listed = (await api.get('/v1/sponsors?limit=100&sort=id')).body
      const expected = [...sponsors.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, s]) => ({ id, name: s.name, country: s.country }))
      const actual = listed.data.map((s: { id: string, name: string, country: string }) => ({ id: s.id, name: s.name, country: s.country }))
      if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`sponsors differ after ${step.kind}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`)
      const contractIds = (await api.get('/v1/contracts?limit=100&sort=id')).body.data.map((c: { id: string }) => c.id)
      if (JSON.stringify(contractIds) !== JSON.stringify([...contracts.keys()].sort())) throw new Error(`contracts differ after ${step.kind}`)
    }
  }), { seed, numRuns: 40 })
  t.pass('every step agreed with the model')
})
