// `change-policy: allow credential <rule>` on a line waives one finding of that rule on
// that line. The waiver is written where the credential is, so that a reviewer sees both in
// the same diff; it never hides the finding from the audit record.

const ALLOW_COMMENT = /change-policy:\s*allow\s+credential\s+([a-z0-9][a-z0-9-]*)/gi

/** The rule names that allow comments on `line` name, once per comment. */
export function allowedRules(line: string): string[] {
  const rules: string[] = []
  for (const match of line.matchAll(ALLOW_COMMENT)) rules.push((match[1] as string).toLowerCase())
  return rules
}
