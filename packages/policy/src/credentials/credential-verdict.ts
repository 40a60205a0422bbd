// What credential findings do to a classification (contract `credentials`): with
// `on-finding: fail` an unwaived finding fails the check; with `control` the change
// touches the `secrets-and-config` control (or the built-in `credentials` control when the
// policy has none of that name) and needs its approvals. A waived finding still keeps the
// change from being standard, and every finding is named in the reasons, which the audit
// record carries.
import type { MatchedControl } from '../classification-types'
import type { CredentialFindingAction, Policy } from '../types'
import { describeFinding, type CredentialFinding } from './credential-findings'

/** The control that credential findings touch under `on-finding: control`. */
export const CREDENTIALS_CONTROL_NAME = 'secrets-and-config'
/** Used when the policy has no control of that name: as strict as the default one. */
export const BUILT_IN_CREDENTIALS_CONTROL = { name: 'credentials', approvals: 2 } as const

/** What the scan of a pull request found, gathered by the caller before classifying. */
export interface CredentialScanFacts {
  findings: CredentialFinding[]
  /** Text files that could not be scanned (too large to read): each fails the check. */
  unscannable: { path: string; reason: string }[]
  /** Files not scanned by design (binary content), listed so that nobody assumes they were. */
  notScanned: { path: string; reason: string }[]
  ignored: string[]
  /** Files whose added lines (or whole text) were scanned. */
  scanned: number
}

export interface CredentialVerdict extends CredentialScanFacts {
  onFinding: CredentialFindingAction
  /** Why the check fails, one sentence each; empty when it does not. */
  blocking: string[]
}

const MAX_NAMED = 10

export interface CredentialEffect {
  verdict: CredentialVerdict | null
  /** Controls after the findings are applied (a new array; the input is not changed). */
  controls: MatchedControl[]
  keepsFromStandard: boolean
  reasons: string[]
}

export function judgeCredentials(facts: CredentialScanFacts | undefined, policy: Policy, controls: readonly MatchedControl[]): CredentialEffect {
  const settings = policy.credentials
  if (!settings.scan || facts === undefined) {
    return { verdict: null, controls: [...controls], keepsFromStandard: false, reasons: settings.scan ? [] : ['Credential scanning is off (`credentials.scan: false`).'] }
  }
  const open = facts.findings.filter((finding) => !finding.waived)
  const waived = facts.findings.filter((finding) => finding.waived)
  const reasons: string[] = []
  const blocking: string[] = []
  let next = [...controls]

  if (open.length > 0) {
    const list = nameFindings(open)
    if (settings.onFinding === 'fail') {
      blocking.push(`${count(open.length, 'credential')} found in the lines this pull request adds: ${list}.`)
      reasons.push(`Credential scan: ${count(open.length, 'finding')} (${list}); \`on-finding: fail\` fails the check.`)
    } else {
      const touched = touchCredentialsControl(next, policy, open)
      next = touched.controls
      const control = touched.control
      reasons.push(`Credential scan: ${count(open.length, 'finding')} (${list}); \`on-finding: control\`: control '${control.name}'${control.builtIn ? ' (built in)' : ''} applies and needs ${count(control.approvals, 'approval')}${control.reviewers.length > 0 ? ` from ${control.reviewers.join(', ')}` : ''}.`)
    }
  }
  if (waived.length > 0) {
    reasons.push(`Credential scan: ${count(waived.length, 'finding')} waived by an allow comment (${nameFindings(waived)}); a waived finding still keeps the change from being standard.`)
  }
  for (const file of facts.unscannable) blocking.push(`${file.path} could not be scanned for credentials: ${file.reason}.`)
  if (facts.unscannable.length > 0) reasons.push(`Credential scan: ${count(facts.unscannable.length, 'file')} could not be scanned (${facts.unscannable.slice(0, MAX_NAMED).map((f) => f.path).join(', ')}), which fails the check.`)
  if (facts.findings.length === 0 && facts.unscannable.length === 0) {
    reasons.push(`Credential scan: no credentials in the added lines of ${count(facts.scanned, 'file')}${facts.ignored.length > 0 ? ` (${facts.ignored.length} ignored by \`credentials.ignore-paths\`)` : ''}.`)
  }
  if (facts.notScanned.length > 0) reasons.push(`Credential scan: ${count(facts.notScanned.length, 'binary file')} not scanned (${facts.notScanned.slice(0, MAX_NAMED).map((f) => f.path).join(', ')}).`)

  return {
    verdict: { ...facts, onFinding: settings.onFinding, blocking },
    controls: next,
    keepsFromStandard: facts.findings.length > 0,
    reasons
  }
}

function touchCredentialsControl(controls: MatchedControl[], policy: Policy, findings: readonly CredentialFinding[]): { controls: MatchedControl[]; control: MatchedControl } {
  const paths = [...new Set(findings.map((finding) => finding.path))]
  // Control names are unique without regard to case (read-controls).
  const written = policy.controls.find((control) => !control.builtIn && control.name.toLowerCase() === CREDENTIALS_CONTROL_NAME)
  const name = written ? written.name : BUILT_IN_CREDENTIALS_CONTROL.name
  const existing = controls.findIndex((control) => control.name === name)
  if (existing >= 0) {
    const control = controls[existing] as MatchedControl
    const known = new Set(control.files.map((file) => file.path))
    const added = paths.filter((path) => !known.has(path))
    const updated = { ...control, files: [...control.files, ...added.map((path) => ({ path }))], fileCount: control.fileCount + added.length }
    return { controls: controls.map((c, i) => (i === existing ? updated : c)), control: updated }
  }
  const matched: MatchedControl = written
    ? { name, files: paths.map((path) => ({ path })), fileCount: paths.length, approvals: written.approvals, reviewers: [...written.reviewers], requiredChecks: [...written.requiredChecks], builtIn: false }
    : { name, files: paths.map((path) => ({ path })), fileCount: paths.length, approvals: BUILT_IN_CREDENTIALS_CONTROL.approvals, reviewers: [], requiredChecks: [], builtIn: true }
  return { controls: [...controls, matched], control: matched }
}

function nameFindings(findings: readonly CredentialFinding[]): string {
  const named = findings.slice(0, MAX_NAMED).map(describeFinding).join('; ')
  return findings.length > MAX_NAMED ? `${named}; and ${findings.length - MAX_NAMED} more` : named
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
