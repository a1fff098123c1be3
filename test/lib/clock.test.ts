// The system clock formats today once a day: it must still change at UTC midnight (and
// follow a clock set back across it), and agree with the date of the instant it reads.
import t from 'tap'
import { systemClock } from '../../src/lib/clock.js'

t.test('today changes at UTC midnight, either way, and matches the instant', async (t) => {
  let now = Date.parse('2024-07-25T23:59:59.999Z')
  const clock = systemClock(() => now)
  t.equal(clock.today(), '2024-07-25')
  t.equal(clock.now(), '2024-07-25T23:59:59.999Z')
  now += 1
  t.equal(clock.today(), '2024-07-26', 'the first millisecond of the next day')
  now = Date.parse('2024-07-26T12:00:00.000Z')
  t.equal(clock.today(), '2024-07-26')
  now = Date.parse('2024-07-25T23:00:00.000Z')
  t.equal(clock.today(), '2024-07-25', 'a clock set back across midnight')
  now = Date.parse('1969-12-31T23:59:59.000Z')
  t.equal(clock.today(), '1969-12-31', 'before 1970 too')
  now = Date.parse('1970-01-01T00:00:00.000Z')
  t.equal(clock.today(), '1970-01-01')
  for (const instant of ['2028-02-29T00:00:00.000Z', '2028-02-28T23:59:59.999Z', '2032-07-23T18:30:00.000Z']) {
    now = Date.parse(instant)
    t.equal(clock.today(), instant.slice(0, 10), instant)
  }
})

t.test('the first reading is formatted, whatever the day', async (t) => {
  t.equal(systemClock(() => 0).today(), '1970-01-01')
  t.equal(systemClock(() => -1).today(), '1969-12-31')
})

t.test('the default reads the wall clock', async (t) => {
  const before = new Date().toISOString().slice(0, 10)
  const today = systemClock().today()
  const after = new Date().toISOString().slice(0, 10)
  t.ok(today === before || today === after, today)
})
