import type { Principal } from '../types'
import { dueMarker, reviewMarker } from './review-markers'
import { relativeTime, utcTime } from './review-due'

/** The checklist item whose tick is the retroactive approval the sweep looks for. */
export const APPROVAL_ITEM = 'Approve retroactively'

export const CHECKLIST = [
  'Root cause: what made the emergency change necessary is understood and written down below',
  'Was the change correct: the change that was deployed did what it was meant to, and nothing more',
  'Follow-up work: issues are opened for what remains (tests, a proper fix, monitoring)',
  `${APPROVAL_ITEM}: I reviewed the change and approve it after the fact`
]

export interface ReviewIssueInput {
  pullRequest: { number: number; title: string; url: string; author: string; mergedBy: string | null; mergeCommit: string | null }
  approvers: string[]
  files: string[]
  /** Why the change is an emergency, from the classification. */
  reasons: string[]
  deployedAt: Date
  deployedFrom: string
  dueAt: Date
  now: Date
  reviewWithinHours: number
  reviewers: Principal[]
  sections: string[]
}

const LISTED_FILES = 20

/** Title and body of a pull request's post-deployment review issue. */
export function renderReviewIssue(input: ReviewIssueInput): { title: string; body: string } {
  const pr = input.pullRequest
  const teams = input.reviewers.filter((r) => r.startsWith('@'))
  const files = input.files.slice(0, LISTED_FILES).map((f) => `- \`${f.replace(/`/g, "'")}\``)
  if (input.files.length > LISTED_FILES) files.push(`- … and ${input.files.length - LISTED_FILES} more`)
  const lines = [
    reviewMarker(pr.number),
    dueMarker(input.dueAt),
    `Emergency change ${pr.url} (#${pr.number}) was deployed without the usual prior approval. ` +
      `The policy asks for a post-deployment review within ${input.reviewWithinHours} hours.`,
    '',
    `- **Due:** ${utcTime(input.dueAt)} (${relativeTime(input.dueAt, input.now)} when this issue was opened)`,
    `- **Deployed:** ${utcTime(input.deployedAt)} (${input.deployedFrom})`,
    `- **Author:** @${pr.author}`,
    `- **Merged by:** ${pr.mergedBy ? `@${pr.mergedBy}` : 'unknown'}${pr.mergeCommit ? ` as ${pr.mergeCommit}` : ''}`,
    `- **Approved before merge by:** ${input.approvers.length > 0 ? input.approvers.map((a) => `@${a}`).join(', ') : 'nobody'}`,
    `- **Why it is an emergency:** ${input.reasons.join(' ') || 'classified as an emergency by the policy'}`,
    ...(teams.length > 0 ? [`- **Reviewers:** ${teams.join(', ')}`] : []),
    '',
    '### What changed',
    '',
    ...(files.length > 0 ? files : ['- (no files)']),
    '',
    '### Review checklist',
    '',
    ...CHECKLIST.map((item) => `- [ ] ${item}`),
    '',
    `Close this issue when the review is done. It counts as complete only when it is closed by someone other than @${pr.author} ` +
      'who may review emergencies, with the last item ticked' +
      (input.sections.length > 0 ? ' and every section below filled in.' : '.'),
    ...input.sections.flatMap((section) => ['', `### ${section}`, '', `<!-- ${section}: write it here -->`])
  ]
  return { title: `Post-deployment review of emergency change #${pr.number}: ${pr.title}`, body: `${lines.join('\n')}\n` }
}
