import { isKnownTimeZone, parseInstant } from './freeze-times'

describe('freeze times', () => {
  test.each([
    ['2026-12-20T00:00:00+01:00', Date.UTC(2026, 11, 19, 23)],
    ['2026-12-20T00:00Z', Date.UTC(2026, 11, 20)],
    ['2028-02-29T12:00:00.5Z', Date.UTC(2028, 1, 29, 12, 0, 0, 500)]
  ])('%s is an instant', (text, ms) => {
    expect(parseInstant(text)).toBe(ms)
  })

  test.each(['2026-12-20', '2026-12-20T00:00:00', '2026-02-30T00:00:00Z', '2027-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-12-20T24:00:00Z', 'tomorrow'])('%s is not', (text) => {
    expect(parseInstant(text)).toBeUndefined()
  })

  test('time zones are checked against the runtime\'s IANA database', () => {
    expect(isKnownTimeZone('Europe/Paris')).toBe(true)
    expect(isKnownTimeZone('UTC')).toBe(true)
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false)
    expect(isKnownTimeZone('')).toBe(false)
  })
})
