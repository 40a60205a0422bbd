// The job summary's credential section: what was found (kind and fingerprint only), what
// could not be scanned and why, and what was not scanned by design.
import type { CredentialVerdict } from '@change-policy/policy'
import { code, escapeMarkdown, table } from '../markdown'

const MAX_ROWS = 50

export function renderCredentialSection(verdict: CredentialVerdict | null): string {
  if (!verdict) return ''
  const parts: string[] = ['### Credential scan', '']
  const open = verdict.findings.filter((f) => !f.waived).length
  parts.push(
    verdict.findings.length === 0 && verdict.unscannable.length === 0
      ? `No credentials in the added lines of ${verdict.scanned} file${verdict.scanned === 1 ? '' : 's'}.`
      : `${open} finding${open === 1 ? '' : 's'}${verdict.findings.length > open ? ` and ${verdict.findings.length - open} waived` : ''} in ${verdict.scanned} scanned file${verdict.scanned === 1 ? '' : 's'} (\`on-finding: ${verdict.onFinding}\`). Rotate every credential found: it is already in the repository's history.`
  )
  parts.push('')
  if (verdict.findings.length > 0) {
    parts.push(
      table(
        ['File', 'Line', 'Kind', 'Rule', 'Fingerprint', 'Waived'],
        verdict.findings.slice(0, MAX_ROWS).map((f) => [code(f.path), String(f.line), escapeMarkdown(f.kind), code(f.rule), code(f.fingerprint), f.waived ? 'yes' : 'no'])
      )
    )
    if (verdict.findings.length > MAX_ROWS) parts.push(`\n…and ${verdict.findings.length - MAX_ROWS} more (see the annotations).`)
    parts.push('')
  }
  for (const file of verdict.unscannable) parts.push(`- Not scanned, so the check fails: ${code(file.path)}: ${escapeMarkdown(file.reason)}.`)
  if (verdict.notScanned.length > 0) {
    parts.push(`- Not scanned (binary): ${verdict.notScanned.slice(0, MAX_ROWS).map((f) => code(f.path)).join(', ')}${verdict.notScanned.length > MAX_ROWS ? `, and ${verdict.notScanned.length - MAX_ROWS} more` : ''}.`)
  }
  if (verdict.ignored.length > 0) parts.push(`- Ignored by \`credentials.ignore-paths\`: ${verdict.ignored.length} file${verdict.ignored.length === 1 ? '' : 's'}.`)
  return `${parts.join('\n').trimEnd()}\n`
}
