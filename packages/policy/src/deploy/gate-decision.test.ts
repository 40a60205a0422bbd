import type { ApprovalEvaluation } from '../approvals/approval-evaluation'
import { decideGate, type GateInput, type PullRequestJudgement } from './gate-decision'
import { judgeFreezes } from './freeze-windows'
import { traceRange } from './provenance'

const sha = (c: string): string => c.repeat(40)
const approved: ApprovalEvaluation = { satisfied: true, changeType: 'normal', approvals: [{ user: 'bob', at: '2026-11-20T09:00:00Z', commit: sha('f') }], requirements: [], blockers: [], ignored: [], missing: [], reviewOwedAfterDeployment: false, notices: [] }
const pull: PullRequestJudgement = {
  number: 7, title: 'Change', changeType: 'normal', controls: [], mergedAt: '2026-11-20T10:00:00Z', headSha: sha('f'), mergeCommitSha: sha('a'),
  approvals: approved, lateApprovals: [], checks: [{ name: 'test', outcome: 'success', conclusion: 'success', sha: sha('f'), explanation: '' }], changeRequest: null
}
const provenance = traceRange([{ sha: sha('a'), parents: [sha('0'), sha('f')], pulls: [{ number: 7, state: 'closed', baseRef: 'main', headSha: sha('f'), mergedAt: pull.mergedAt, mergeCommitSha: sha('a') }] }], ['main'], false)
const yearEnd = [{ name: 'year-end', from: '2026-12-20T00:00:00+01:00', to: '2027-01-04T00:00:00+01:00', timezone: 'UTC', allow: [] }]
const christmas = new Date('2026-12-24T12:00:00Z')
const base: GateInput = { mode: 'deploy', sha: sha('a'), environment: 'production', provenance, pulls: [pull], freeze: judgeFreezes([], ['normal'], christmas) }

test('an approved, checked pull request outside any freeze is allowed, with its grounds', () => {
  const decision = decideGate(base)
  expect(decision.allowed).toBe(true)
  expect(decision.reasons[1]).toBe('#7 (normal) was approved at merge time by bob; checks test succeeded.')
})

test('a freeze refuses a deploy but not a rollback', () => {
  const freeze = judgeFreezes(yearEnd, ['normal'], christmas)
  expect(decideGate({ ...base, freeze }).allowed).toBe(false)
  const rollback = { target: sha('a'), head: sha('b'), onBranch: true, branch: 'main', migrations: [], allowSchemaDrift: false }
  const decision = decideGate({ ...base, mode: 'rollback', freeze, rollback })
  expect(decision.allowed).toBe(true)
  expect(decision.reasons).toContain('Rollback to aaaaaaa (the release of #7); freezes do not stop a rollback.')
})

test('a rollback off the branch, or past a destructive migration without allow-schema-drift, is refused', () => {
  const rollback = { target: sha('a'), head: sha('b'), onBranch: false, branch: 'main', migrations: [], allowSchemaDrift: false }
  expect(decideGate({ ...base, mode: 'rollback', rollback }).reasons[0]).toMatch(/not an ancestor of main/)
  const drift = { ...rollback, onBranch: true, migrations: [{ path: 'supabase/migrations/2.sql', destructive: ['line 1: ban-drop-column'] }] }
  expect(decideGate({ ...base, mode: 'rollback', rollback: drift }).reasons[0]).toMatch(/2.sql \(line 1: ban-drop-column\) is destructive/)
  expect(decideGate({ ...base, mode: 'rollback', rollback: { ...drift, allowSchemaDrift: true } }).allowed).toBe(true)
})

test('missing approvals name the late approval, and a check that did not succeed refuses', () => {
  const late = { id: 1, user: 'carol', isBot: false, state: 'APPROVED' as const, commitSha: sha('f'), submittedAt: '2026-11-20T11:00:00Z' }
  const unapproved = { ...pull, approvals: { ...approved, satisfied: false, approvals: [], missing: ['normal change needs 1 approval'] }, lateApprovals: [late] }
  expect(decideGate({ ...base, pulls: [unapproved] }).reasons).toEqual([
    '#7 (normal) was not approved when it was merged: normal change needs 1 approval (the approval by carol at 2026-11-20T11:00:00Z came after the merge (2026-11-20T10:00:00Z) and does not count)'
  ])
  const red = { ...pull, checks: [{ name: 'test', outcome: 'failed' as const, conclusion: 'failure', sha: sha('f'), explanation: 'Check `test` was not successful (failure) on fffffff.' }] }
  expect(decideGate({ ...base, pulls: [red] }).reasons).toEqual(['#7 (normal): Check `test` was not successful (failure) on fffffff.'])
})
