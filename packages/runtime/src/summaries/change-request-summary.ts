import { EMERGENCY_CHANGE_REQUEST_NOTICE, type ChangeRequestEvaluation, type ChangeRequestSettings, type IssueCandidate, type SectionStatus } from '@change-policy/policy'
import { code, escapeMarkdown, table } from '../markdown'
import type { RequirementRow } from './approval-summary'

/** The change request as judged, with the policy section it was judged by. */
export interface ChangeRequestView {
  evaluation: ChangeRequestEvaluation
  settings: ChangeRequestSettings
  pullRequest: number
}

/** Where the issue form users copy lives, named in the fix. */
const ISSUE_FORM = 'workflows-templates/ISSUE_TEMPLATE/change-request.yml'
/** Text of a section quoted in the summary; the audit record carries more. */
const QUOTED_LENGTH = 300

const TITLE = { standard: 'Standard', normal: 'Normal', emergency: 'Emergency' } as const

function headingList(settings: ChangeRequestSettings): string {
  return settings.sections.map(code).join(', ')
}

function labelClause(settings: ChangeRequestSettings): string {
  if (settings.labels.length === 0) return ''
  return settings.labels.length === 1 ? ` labelled ${code(settings.labels[0]!)}` : ` labelled one of ${settings.labels.map(code).join(', ')}`
}

function needs(view: ChangeRequestView): string {
  const { settings, evaluation } = view
  if (evaluation.owedInPostDeploymentReview) return 'owed in the post-deployment review (an emergency is not blocked)'
  const filled = settings.sections.length > 0 ? ` with ${headingList(settings)} filled in` : ''
  switch (settings.documentedIn) {
    case 'issue':
      return `a linked issue${labelClause(settings)}${filled}`
    case 'pull-request':
      return settings.sections.length > 0 ? `${headingList(settings)} filled in the description` : 'nothing (no sections asked)'
    case 'either':
      return settings.sections.length > 0 ? `${headingList(settings)} filled in a linked issue${labelClause(settings)} or in the description` : `a linked issue${labelClause(settings)}`
  }
}

function satisfiedBy(view: ChangeRequestView): string {
  const { evaluation, pullRequest } = view
  const record = evaluation.record
  if (record === null) return '—'
  if (record.documentedIn === 'issue') return `#${record.issue} ${escapeMarkdown(record.title)}`
  const linked = evaluation.issue ? ` (linked: #${evaluation.issue.number})` : ''
  return `the description of #${pullRequest}${linked}`
}

function missingCell(view: ChangeRequestView): string {
  const { evaluation, settings } = view
  if (evaluation.satisfied) return '—'
  const noIssue = settings.documentedIn !== 'pull-request' && !evaluation.candidates.some((candidate) => candidate.counts)
  const unfilled = evaluation.sections.filter((section) => !section.filled).map((section) => code(section.heading))
  if (noIssue && evaluation.candidates.length > 0) return 'a linked issue that can count (see what is missing)'
  if (noIssue && (settings.documentedIn === 'issue' || unfilled.length > 0)) return settings.documentedIn === 'either' ? 'a linked issue or the sections in the description' : 'a linked change-request issue'
  if (unfilled.length > 0) return `text under ${unfilled.join(', ')}`
  return 'see below'
}

/** The change request's row in the requirements table, for the change types that require one; null otherwise. */
export function changeRequestRow(view: ChangeRequestView): RequirementRow | null {
  if (!view.evaluation.required) return null
  return { requirement: 'change request', needs: needs(view), satisfiedBy: satisfiedBy(view), missing: missingCell(view) }
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return escapeMarkdown(flat.length > QUOTED_LENGTH ? `${flat.slice(0, QUOTED_LENGTH).trimEnd()}…` : flat)
}

function sectionCell(section: SectionStatus): string {
  return `${section.filled ? '✓' : '✗'} ${escapeMarkdown(section.heading)}${section.found ? (section.filled ? '' : ' (no text)') : ' (no heading)'}`
}

function candidateRow(candidate: IssueCandidate): string[] {
  const { issue } = candidate
  const name = `${issue.repository.owner}/${issue.repository.name}#${issue.number}`
  const from = issue.source === 'sidebar' ? 'Development sidebar' : 'description'
  const sections = candidate.sections.map(sectionCell).join('<br>')
  const verdict = candidate.counts
    ? sections || 'can be the change request'
    : `✗ does not count (see what is missing)${sections ? `<br>${sections}` : ''}`
  return [code(name), from, issue.title ? escapeMarkdown(issue.title) : '—', verdict]
}

/** A block the author can copy: the headings, each with a prompt under it. */
function template(settings: ChangeRequestSettings): string[] {
  return ['```markdown', ...settings.sections.flatMap((heading, i) => [...(i > 0 ? [''] : []), `### ${heading}`, '', '…']), '```']
}

function fix(view: ChangeRequestView): string[] {
  const { settings, pullRequest } = view
  const out: string[] = ['**How to fix it**', '']
  const linkSteps = [
    `Link it to this pull request: write ${code('Closes #<issue>')} (the issue closes when this merges) or ${code('Refs #<issue>')} in the description of #${pullRequest}, ` +
      'or link it under **Development** in the sidebar. Editing the description re-runs this check; after editing the issue, re-run the job.'
  ]
  const issueSteps = (intro: string): string[] => [
    settings.sections.length > 0
      ? `${intro} an issue in this repository${labelClause(settings)} whose body has these headings, each with text under it ` +
        `(the issue form ${code(ISSUE_FORM)} writes them):`
      : `${intro} an issue in this repository${labelClause(settings)}.`,
    ...(settings.sections.length > 0 ? ['', ...template(settings)] : []),
    '',
    ...linkSteps
  ]
  const descriptionSteps = (intro: string): string[] => [`${intro} these headings in the description of #${pullRequest}, each with text under it:`, '', ...template(settings)]
  if (settings.documentedIn === 'issue') out.push(...issueSteps('Open (or edit)'))
  else if (settings.documentedIn === 'pull-request') out.push(...descriptionSteps('Write'))
  else out.push(...issueSteps('Either open (or edit)'), '', ...descriptionSteps('Or write'))
  return out
}

/**
 * The change request's section of the job summary: what documents the change (with its
 * sections quoted), or exactly what to do to document it, and each linked issue with why it
 * does or does not count. Empty when the policy requires change requests for no type.
 */
export function renderChangeRequestSection(view: ChangeRequestView): string[] {
  const { evaluation, settings } = view
  if (settings.required.length === 0 && evaluation.record === null) return []
  const out: string[] = ['### Change request', '']
  if (evaluation.owedInPostDeploymentReview) {
    out.push('Not checked before deployment: an emergency change documents its justification and impact assessment in the post-deployment review.', '')
  } else if (!evaluation.required) {
    out.push(`Not required for ${TITLE[evaluation.changeType].toLowerCase()} changes (${code('change-request.required')}: ${settings.required.join(', ') || 'none'}).`, '')
  }
  const record = evaluation.record
  if (record !== null) {
    const where = record.documentedIn === 'issue' ? `issue #${record.issue} (${escapeMarkdown(record.title)})` : `the description of pull request #${view.pullRequest}`
    out.push(`Documented in ${where}${record.documentedIn === 'pull-request' && evaluation.issue ? ` (linked issue #${evaluation.issue.number})` : ''}:`, '')
    for (const section of record.sections) out.push(`- **${escapeMarkdown(section.heading)}**: ${quote(section.text)}`)
    if (record.sections.length > 0) out.push('')
  } else if (evaluation.required && !evaluation.owedInPostDeploymentReview) {
    out.push(...fix(view), '')
  }
  // The emergency's notice is a callout at the top of the summary, and "not required" is said above.
  for (const notice of evaluation.notices) {
    if (notice !== EMERGENCY_CHANGE_REQUEST_NOTICE && !notice.startsWith('a change request is not required')) out.push(`> [!NOTE]\n> ${escapeMarkdown(notice)}`, '')
  }
  if (evaluation.candidates.length > 0 && (!evaluation.satisfied || evaluation.candidates.length > 1)) {
    out.push('Linked issues read:', '')
    out.push(table(['issue', 'linked in', 'title', 'sections'], evaluation.candidates.map(candidateRow)), '')
  }
  return out
}
