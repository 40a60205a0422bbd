// Credentials found in a pull request, as the policy sees them: where, what kind, a short
// fingerprint, and whether an allow comment waived it. The secret itself never reaches
// this package: the scanner keeps it for masking and hands over only its fingerprint.
import { allowedRules } from './allow-comments'

/** What the scanner reports about one credential in a text. */
export interface DetectedCredential {
  /** Short rule name, as an allow comment names it (`aws`, `github`, `supabase-service-role`). */
  rule: string
  /** What it is, for people (`AWS access key ID`). */
  kind: string
  /** 1-based, in the head version of the file. */
  line: number
  column: number
  /** First hex digits of the SHA-256 of the secret: tells two findings apart without showing either. */
  fingerprint: string
}

export interface CredentialFinding extends DetectedCredential {
  path: string
  /** An allow comment on its line named its rule. */
  waived: boolean
}

/**
 * The findings of one file with allow comments applied: each comment on a line waives one
 * finding of the rule it names on that line, so that two keys on one line need two.
 */
export function applyAllowComments(path: string, detected: readonly DetectedCredential[], lineText: (line: number) => string | undefined): CredentialFinding[] {
  const unused = new Map<number, string[]>()
  return [...detected]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map((finding) => {
      let rules = unused.get(finding.line)
      if (rules === undefined) {
        rules = allowedRules(lineText(finding.line) ?? '')
        unused.set(finding.line, rules)
      }
      const at = rules.indexOf(finding.rule)
      if (at >= 0) rules.splice(at, 1)
      return { ...finding, path, waived: at >= 0 }
    })
}

/** `src/config.ts:12 (AWS access key ID, fingerprint 3f9a…)`: how a finding is named everywhere. */
export function describeFinding(finding: CredentialFinding): string {
  return `${finding.path}:${finding.line} (${finding.kind}, rule ${finding.rule}, fingerprint ${finding.fingerprint})`
}
