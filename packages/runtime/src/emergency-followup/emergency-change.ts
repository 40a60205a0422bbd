import { classify, latestDecisions, type Classification, type Policy } from '@change-policy/policy'
import { gatherClassificationFacts, listPullRequestReviews, type GitHubClient, type PullRequestInfo, type RepoRef } from '@change-policy/github'

export interface EmergencyChange {
  classification: Classification
  files: string[]
  /** Whose latest review approved it (an emergency may have none). */
  approvers: string[]
}

/**
 * A merged pull request classified exactly as classify-change does (the same facts, the same
 * `classify`), with what its review issue reports: the files and who approved it.
 */
export async function readEmergencyChange(client: GitHubClient, repo: RepoRef, pr: PullRequestInfo, policy: Policy): Promise<EmergencyChange> {
  const [facts, reviews] = await Promise.all([gatherClassificationFacts(client, repo, pr, policy), listPullRequestReviews(client, repo, pr.number)])
  return {
    classification: classify(facts, policy),
    files: facts.files.map((f) => f.path),
    approvers: latestDecisions(reviews).filter((r) => r.state === 'APPROVED').map((r) => r.user)
  }
}
