// Whether a deploy falls inside a freeze. `now` is passed in (the runner's clock, read once
// by the action): nothing a workflow or a pull request writes can move it.
import { parseInstant } from '../freeze-times'
import type { ChangeType, Freeze, Weekday } from '../types'

export interface ActiveFreeze {
  freeze: Freeze
  /** Why it applies now, e.g. `2026-12-20T00:00:00+01:00 to 2027-01-04T00:00:00+01:00` or `sat in Europe/Paris`. */
  window: string
}

export interface FreezeVerdict {
  /** Every freeze in force at `now`. */
  active: ActiveFreeze[]
  /** The active freezes that do not allow at least one of the change types deployed. */
  blocking: Array<ActiveFreeze & { refused: ChangeType[] }>
  /** One sentence for the summary and the record. */
  explanation: string
}

const WEEKDAY_BY_SHORT_NAME: Record<string, Weekday> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' }

/**
 * The day of the week at `now` as a clock in `timeZone` shows it. The zone's rules (its
 * daylight-saving changes included) come from the runtime's time zone data, so Saturday
 * in Europe/Paris starts at 23:00 UTC in winter and at 22:00 UTC in summer.
 */
export function weekdayIn(now: Date, timeZone: string): Weekday {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(now)
  const day = WEEKDAY_BY_SHORT_NAME[name]
  if (day === undefined) throw new Error(`Unexpected weekday ${name} for ${timeZone}`)
  return day
}

/** The freezes in force at `now`: a dated window includes its start and excludes its end. */
export function activeFreezes(freezes: readonly Freeze[], now: Date): ActiveFreeze[] {
  const at = now.getTime()
  const active: ActiveFreeze[] = []
  for (const freeze of freezes) {
    if (freeze.from !== undefined && freeze.to !== undefined) {
      const from = parseInstant(freeze.from)
      const to = parseInstant(freeze.to)
      // The policy reader has already refused unreadable ends; fail closed if one slips through.
      if (from === undefined || to === undefined || (at >= from && at < to)) active.push({ freeze, window: `${freeze.from} to ${freeze.to}` })
    } else if (freeze.days !== undefined) {
      const day = weekdayIn(now, freeze.timezone)
      if (freeze.days.includes(day)) active.push({ freeze, window: `${day} in ${freeze.timezone}` })
    }
  }
  return active
}

/**
 * Judges the change types a deploy carries against the freezes in force: each active freeze
 * must allow every one of them, since a normal change riding along with an emergency would
 * otherwise go out during the freeze.
 */
export function judgeFreezes(freezes: readonly Freeze[], changeTypes: readonly ChangeType[], now: Date): FreezeVerdict {
  const active = activeFreezes(freezes, now)
  const types = [...new Set(changeTypes)]
  const blocking = active
    .map((entry) => ({ ...entry, refused: types.filter((type) => !entry.freeze.allow.includes(type)) }))
    .filter((entry) => entry.refused.length > 0)
  const when = now.toISOString()
  let explanation: string
  if (active.length === 0) explanation = `No freeze is in force at ${when}.`
  else if (blocking.length === 0) explanation = `In force at ${when}: ${active.map(describe).join('; ')}; each allows ${types.join(', ') || 'what is deployed'}.`
  else explanation = `Deploys are frozen at ${when}: ${blocking.map((b) => `${describe(b)} does not allow ${b.refused.join(', ')} changes`).join('; ')}.`
  return { active, blocking, explanation }
}

function describe(entry: ActiveFreeze): string {
  const allows = entry.freeze.allow.length === 0 ? 'nothing' : entry.freeze.allow.join(', ')
  return `freeze \`${entry.freeze.name}\` (${entry.window}; allows ${allows})`
}
