// Credential findings as the user sees them: one annotation per finding on its file and
// line, saying what to do, and a JSON output. Only the kind, rule and fingerprint are ever
// shown; the secret itself has been masked (`core.setSecret`) the moment it was found.
import * as core from '@actions/core'
import type { CredentialFinding, CredentialVerdict, Problem } from '@change-policy/policy'

const WHAT_TO_DO =
  'Rotate this credential now: it is already in the repository\'s history, and removing the line does not take it out. ' +
  'Then remove it from the file and read it at run time from a secret store (GitHub Actions secrets, Supabase Vault, your host\'s environment settings). ' +
  'If it is not a credential (a test value, a public key), write `change-policy: allow credential RULE` in a comment on the line.'

/** Every secret line registered with the runner, so that no log, output or summary can show it. */
export function maskCredential(secret: string): void {
  core.setSecret(secret)
  // The runner masks a value line by line only when each line is registered on its own.
  for (const line of secret.split(/\r?\n/)) if (line.trim().length >= 8 && line !== secret) core.setSecret(line.trim())
}

export function credentialFindingProblem(finding: CredentialFinding, onFinding: CredentialVerdict['onFinding'] | 'fail'): Problem {
  const consequence = onFinding === 'control' ? 'The change needs the approvals of the secrets-and-config control.' : 'The check fails until it is removed.'
  return {
    message: `A credential in the lines this pull request adds: ${finding.kind} (rule ${finding.rule}, fingerprint ${finding.fingerprint}). ${consequence}`,
    fix: WHAT_TO_DO.replace('RULE', finding.rule),
    file: finding.path,
    line: finding.line,
    column: finding.column
  }
}

/** Unwaived findings and unreadable files as errors, waived findings as notices. */
export function annotateCredentialVerdict(verdict: CredentialVerdict | null): void {
  if (!verdict) return
  for (const finding of verdict.findings) {
    const properties = { title: finding.waived ? 'Credential (waived)' : `Credential: ${finding.kind}`, file: finding.path, startLine: finding.line, startColumn: finding.column }
    if (finding.waived) {
      core.notice(`${finding.kind} (rule ${finding.rule}, fingerprint ${finding.fingerprint}) is waived by an allow comment; it is listed in the audit record. Rotate it anyway if it was ever real.`, properties)
    } else {
      const problem = credentialFindingProblem(finding, verdict.onFinding)
      core.error(`${problem.message}\nFix: ${problem.fix}`, properties)
    }
  }
  for (const file of verdict.unscannable) core.error(`Not scanned for credentials: ${file.reason}.`, { title: 'Credential scan incomplete', file: file.path })
}

/** The `credential-findings` output: where, what and the fingerprint; never the secret. */
export function credentialFindingsOutput(verdict: CredentialVerdict | null): string {
  return JSON.stringify((verdict?.findings ?? []).map(({ path, line, column, rule, kind, fingerprint, waived }) => ({ path, line, column, rule, kind, fingerprint, waived })))
}
