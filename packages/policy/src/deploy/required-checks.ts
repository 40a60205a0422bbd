// Which checks a deploy needs, and whether each one succeeded. Only `success` counts: a
// check that was skipped or cancelled did not test anything, and one still running has not
// said yet.
import type { Control, DeploySettings } from '../types'

export interface RequiredCheck {
  name: string
  /** The GitHub App slug whose check run alone counts; absent: any check run or commit status. */
  app?: string
  /** Who asks for it: `deploy.required-checks` or a control's name. */
  requiredBy: string[]
}

/** One check run or commit status as GitHub reported it on a commit. */
export interface ObservedCheck {
  name: string
  kind: 'check-run' | 'status'
  sha: string
  /** Check runs: queued, in_progress, completed, …; statuses: their state (pending, success, failure, error). */
  status: string
  /** Check runs' conclusion when completed; statuses: their state when not pending. */
  conclusion: string | null
  /** The app's slug for check runs; null for statuses. */
  app: string | null
}

export type CheckOutcome = 'success' | 'missing' | 'pending' | 'failed' | 'cancelled' | 'skipped' | 'wrong-app'

export interface CheckVerdict {
  name: string
  app?: string
  outcome: CheckOutcome
  /** What GitHub said (a conclusion, or `pending`); null when nothing was found. */
  conclusion: string | null
  /** The commit the deciding result was on. */
  sha: string | null
  explanation: string
}

/** `deploy.required-checks` and every matched control's `required-checks`, each name once. */
export function requiredChecksFor(deploy: DeploySettings, controls: readonly Pick<Control, 'name' | 'requiredChecks'>[]): RequiredCheck[] {
  const byName = new Map<string, RequiredCheck>()
  const add = (name: string, by: string): void => {
    const existing = byName.get(name)
    if (existing) {
      if (!existing.requiredBy.includes(by)) existing.requiredBy.push(by)
      return
    }
    const app = deploy.checkApps[name]
    byName.set(name, { name, ...(app === undefined ? {} : { app }), requiredBy: [by] })
  }
  for (const name of deploy.requiredChecks) add(name, 'deploy.required-checks')
  for (const control of controls) for (const name of control.requiredChecks) add(name, `control ${control.name}`)
  return [...byName.values()]
}

const RANK: Record<CheckOutcome, number> = { success: 0, pending: 1, failed: 2, cancelled: 3, skipped: 4, 'wrong-app': 5, missing: 6 }

function outcomeOf(check: ObservedCheck): CheckOutcome {
  if (check.kind === 'status') {
    if (check.status === 'success') return 'success'
    return check.status === 'pending' ? 'pending' : 'failed'
  }
  if (check.status !== 'completed' || check.conclusion === null) return 'pending'
  if (check.conclusion === 'success') return 'success'
  if (check.conclusion === 'cancelled') return 'cancelled'
  if (check.conclusion === 'skipped') return 'skipped'
  // failure, timed_out, action_required, neutral, stale: none of them says the check passed.
  return 'failed'
}

/**
 * Each required check against what was observed (the latest run per app and name, the
 * latest status per context, on the pull request's head and on the deployed commit). A
 * success on either commit satisfies it; otherwise the most telling result is named.
 */
export function evaluateRequiredChecks(required: readonly RequiredCheck[], observed: readonly ObservedCheck[]): CheckVerdict[] {
  return required.map((check) => {
    const named = observed.filter((o) => o.name === check.name)
    const eligible = check.app === undefined ? named : named.filter((o) => o.kind === 'check-run' && o.app === check.app)
    const pin = check.app === undefined ? '' : ` from the app \`${check.app}\``
    if (eligible.length === 0) {
      if (named.length > 0) {
        const others = [...new Set(named.map((o) => (o.kind === 'status' ? 'a commit status' : `the app \`${o.app ?? 'unknown'}\``)))].join(', ')
        return { name: check.name, app: check.app, outcome: 'wrong-app', conclusion: null, sha: null, explanation: `Check \`${check.name}\` must come${pin}, but it was posted by ${others}, which the policy does not accept for it.` }
      }
      return { name: check.name, app: check.app, outcome: 'missing', conclusion: null, sha: null, explanation: `Check \`${check.name}\`${pin} has not run on the commit (required by ${check.requiredBy.join(', ')}).` }
    }
    const best = [...eligible].sort((a, b) => RANK[outcomeOf(a)] - RANK[outcomeOf(b)])[0] as ObservedCheck
    const outcome = outcomeOf(best)
    const conclusion = outcome === 'pending' ? 'pending' : (best.conclusion ?? best.status)
    const at = best.sha.slice(0, 7)
    const explanation =
      outcome === 'success'
        ? `Check \`${check.name}\` succeeded on ${at}.`
        : outcome === 'pending'
          ? `Check \`${check.name}\` is still pending on ${at}; deploy once it has succeeded.`
          : `Check \`${check.name}\` was ${outcome === 'failed' ? `not successful (${conclusion})` : outcome} on ${at}.`
    return { name: check.name, app: check.app, outcome, conclusion, sha: best.sha, explanation }
  })
}
