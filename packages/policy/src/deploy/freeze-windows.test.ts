import type { Freeze } from '../types'
import { activeFreezes, judgeFreezes, weekdayIn } from './freeze-windows'

const yearEnd: Freeze = { name: 'year-end', from: '2026-12-20T00:00:00+01:00', to: '2027-01-04T00:00:00+01:00', timezone: 'UTC', allow: ['emergency'] }
const weekends: Freeze = { name: 'weekends', days: ['sat', 'sun'], timezone: 'Europe/Paris', allow: ['emergency', 'standard'] }

const at = (iso: string): Date => new Date(iso)

test('a dated window includes its start (with its offset) and excludes its end', () => {
  expect(activeFreezes([yearEnd], at('2026-12-19T22:59:59Z'))).toHaveLength(0)
  expect(activeFreezes([yearEnd], at('2026-12-19T23:00:00Z'))).toHaveLength(1)
  expect(activeFreezes([yearEnd], at('2027-01-03T22:59:59Z'))).toHaveLength(1)
  expect(activeFreezes([yearEnd], at('2027-01-03T23:00:00Z'))).toHaveLength(0)
})

test('inside the year-end freeze a normal change is refused and an emergency allowed', () => {
  const now = at('2026-12-24T12:00:00Z')
  expect(judgeFreezes([yearEnd], ['normal'], now).blocking.map((b) => b.refused)).toEqual([['normal']])
  expect(judgeFreezes([yearEnd], ['emergency'], now).blocking).toEqual([])
  // A normal change riding along with an emergency is still refused.
  expect(judgeFreezes([yearEnd], ['emergency', 'normal'], now).explanation).toMatch(/year-end.*does not allow normal/)
})

describe('Europe/Paris weekends across daylight saving', () => {
  // Winter (CET, UTC+1): Saturday starts at Friday 23:00 UTC.
  test('before the March change, Saturday begins at 23:00 UTC', () => {
    expect(weekdayIn(at('2026-03-27T22:59:00Z'), 'Europe/Paris')).toBe('fri')
    expect(weekdayIn(at('2026-03-27T23:00:00Z'), 'Europe/Paris')).toBe('sat')
    expect(activeFreezes([weekends], at('2026-03-27T23:30:00Z'))).toHaveLength(1)
  })
  // Clocks go forward on Sunday 29 March 2026: that Sunday ends at 22:00 UTC (CEST, UTC+2).
  test('after the March change, Sunday ends at 22:00 UTC', () => {
    expect(activeFreezes([weekends], at('2026-03-29T21:59:00Z'))).toHaveLength(1)
    expect(activeFreezes([weekends], at('2026-03-29T22:00:00Z'))).toHaveLength(0)
  })
  // Summer: Saturday starts at Friday 22:00 UTC; clocks go back on Sunday 25 October 2026.
  test('in summer Saturday begins at 22:00 UTC, and after the October change Sunday ends at 23:00 UTC', () => {
    expect(activeFreezes([weekends], at('2026-10-23T21:59:00Z'))).toHaveLength(0)
    expect(activeFreezes([weekends], at('2026-10-23T22:00:00Z'))).toHaveLength(1)
    expect(activeFreezes([weekends], at('2026-10-25T22:30:00Z'))).toHaveLength(1)
    expect(activeFreezes([weekends], at('2026-10-25T23:00:00Z'))).toHaveLength(0)
  })
})

test('a freeze that allows nothing blocks every type, and no freeze explains itself', () => {
  const all: Freeze = { ...weekends, allow: [] }
  expect(judgeFreezes([all], ['emergency'], at('2026-03-28T12:00:00Z')).blocking).toHaveLength(1)
  expect(judgeFreezes([all], ['normal'], at('2026-03-25T12:00:00Z')).explanation).toMatch(/No freeze is in force/)
})
