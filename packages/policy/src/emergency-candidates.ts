// Which parts of a pull request claim an emergency, before anything is checked: the GitHub
// layer uses this to read label history, permissions and team members only when needed.
import { compilePolicy } from './compiled-policy'
import type { Policy } from './types'

export interface EmergencyCandidates {
  /** The pull request's labels that are emergency labels, as the pull request spells them. */
  labels: string[]
  /** Whether the head branch matches an emergency `head-branches` glob. */
  headBranch: boolean
}

export function emergencyCandidates(pullRequest: { labels: readonly string[]; headBranch: string }, policy: Policy): EmergencyCandidates {
  const compiled = compilePolicy(policy)
  return {
    labels: pullRequest.labels.filter((label) => compiled.emergencyLabels.has(label.toLowerCase())),
    headBranch: pullRequest.headBranch !== '' && compiled.emergencyBranchGlob(pullRequest.headBranch) !== undefined
  }
}
