import type { Classification, PolicySource, Problem } from '@change-policy/policy'
import { code, escapeMarkdown, table } from '../markdown'

export interface ClassificationSummaryInput {
  classification: Classification
  policy: PolicySource
  pullRequest?: number
  warnings?: Problem[]
  /** Labels put on or taken off, when the action applied them. */
  labels?: { added: string[]; removed: string[] }
}

const TYPE_TITLE = { standard: 'Standard', normal: 'Normal', emergency: 'Emergency' } as const
// A control can match thousands of files: list the first ones and say how many more.
const FILES_SHOWN = 20

function fileName(file: { path: string; previousPath?: string }): string {
  return file.previousPath ? `${code(file.previousPath)} → ${code(file.path)}` : code(file.path)
}

function policyLine(policy: PolicySource): string {
  if (policy.defaulted) return `Policy: built-in defaults (no ${code(policy.path)} on ${code(policy.ref)}).`
  return `Policy: ${code(policy.path)} at ${code(policy.ref)}${policy.sha ? ` (blob ${code(policy.sha.slice(0, 7))})` : ''}.`
}

function whoApproves(reviewers: string[]): string {
  return reviewers.length ? reviewers.map(code).join(', ') : 'anyone with write access'
}

/**
 * The job summary of a classification, as Markdown. The local command prints the same text,
 * so a developer sees before pushing what the action will say.
 */
export function renderClassificationSummary(input: ClassificationSummaryInput): string {
  const { classification: c } = input
  const out: string[] = []
  const subject = input.pullRequest ? `Pull request #${input.pullRequest}` : 'This change'
  out.push(`## ${subject}: ${TYPE_TITLE[c.changeType]} change`)
  out.push('')
  for (const warning of input.warnings ?? []) {
    out.push(`> [!WARNING]\n> ${escapeMarkdown(warning.message)}${warning.fix ? ` ${escapeMarkdown(warning.fix)}` : ''}`)
    out.push('')
  }
  out.push(`${policyLine(input.policy)} ${c.filesCount} file${c.filesCount === 1 ? '' : 's'} changed.`)
  out.push('')
  out.push('### Why')
  out.push('')
  for (const reason of c.reasons) out.push(`- ${escapeMarkdown(reason)}`)
  out.push('')

  out.push('### Rules and the files that matched them')
  out.push('')
  const rows: string[][] = []
  const sp = c.standardPaths
  rows.push([
    'standard paths',
    sp.total === 0
      ? 'no files'
      : sp.firstOutside
        ? `${sp.matched} of ${sp.total} files; first outside: ${fileName(sp.firstOutside)}`
        : `all ${sp.total} files`
  ])
  if (c.dependencyRule) rows.push(['dependency updates', escapeMarkdown(c.dependencyRule.reason)])
  if (c.emergency) rows.push(['emergency', `${c.emergency.by} ${code(c.emergency.value)}, declared by ${code(c.emergency.actor)}`])
  for (const control of c.controls) {
    const shown = control.files.slice(0, FILES_SHOWN).map(fileName).join(', ')
    const more = control.fileCount > FILES_SHOWN ? ` and ${control.fileCount - FILES_SHOWN} more` : ''
    rows.push([`control ${code(control.name)}${control.builtIn ? ' (built in)' : ''}`, `${control.fileCount} file${control.fileCount === 1 ? '' : 's'}: ${shown}${more}`])
  }
  out.push(table(['rule', 'matched'], rows))
  out.push('')

  out.push('### Approvals this change will need')
  out.push('')
  // A control that only requires checks adds no approvals: it is listed under the checks.
  const requirements = c.requirements.filter((r) => r.source === 'change-type' || r.approvals > 0).map((r) => [
    r.source === 'change-type' ? `${TYPE_TITLE[c.changeType]} change` : `control ${code(r.name)}`,
    String(r.approvals),
    whoApproves(r.reviewers)
  ])
  out.push(table(['requirement', 'approvals', 'from'], requirements))
  out.push('')
  if (c.changeType === 'emergency') {
    out.push('> [!IMPORTANT]\n> Emergency change: expedited now, but a post-deployment review is owed within the policy\'s deadline.')
    out.push('')
  }
  const checks = [...new Set(c.controls.flatMap((control) => control.requiredChecks))]
  if (checks.length) {
    out.push(`Checks the matched controls require: ${checks.map(code).join(', ')}.`)
    out.push('')
  }
  if (input.labels && (input.labels.added.length || input.labels.removed.length)) {
    const parts = [
      ...input.labels.added.map((l) => `added ${code(l)}`),
      ...input.labels.removed.map((l) => `removed ${code(l)}`)
    ]
    out.push(`Labels: ${parts.join(', ')}.`)
    out.push('')
  }
  return out.join('\n')
}
