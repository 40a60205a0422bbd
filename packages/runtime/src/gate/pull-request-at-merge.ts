// One merged pull request judged as it stood when it was merged: its classification with
// the labels it carried then, the approvals given before the merge on the head that was
// merged, its required checks, and its change request. The same code as require-approval
// (classifyForApproval, gatherApprovalFacts, evaluateApprovals), never a second copy.
import {
  evaluateApprovals,
  evaluateChangeRequest,
  evaluateRequiredChecks,
  requiredChecksFor,
  reviewsAtMerge,
  type Policy,
  type PullRequestJudgement
} from '@change-policy/policy'
import {
  findLabelAdders,
  gatherApprovalFacts,
  gatherChangeRequestFacts,
  getCombinedStatus,
  getPullRequest,
  listCheckRunsForRef,
  listPullRequestReviews,
  type GitHubClient,
  type LabelAddition,
  type MergedPullRequestData,
  type PullRequestInfo,
  type RepoRef
} from '@change-policy/github'
import { classifyForApproval } from '../approval-classification'
import { ActionError } from '../action-error'

export interface JudgedPullRequest {
  judgement: PullRequestJudgement
  pr: PullRequestInfo
  /** Labels dropped because they were added after the merge (or cannot be dated). */
  laterLabels: string[]
  notes: string[]
}

/** `known`: what the GraphQL batch already read; anything it left null is read here by REST. */
export async function judgePullRequestAtMerge(client: GitHubClient, repo: RepoRef, number: number, policy: Policy, serverUrl: string, known?: MergedPullRequestData): Promise<JudgedPullRequest> {
  const [pr, reviews] = await Promise.all([known?.info ?? getPullRequest(client, repo, number), known?.reviews ?? listPullRequestReviews(client, repo, number)])
  if (!pr.mergedAt || !pr.mergeCommitSha) {
    throw new ActionError({ message: `Pull request #${number} is not merged, so it cannot vouch for a deployed commit.`, fix: 'Deploy only commits that reached the deploy branch through a merged pull request.' })
  }
  const mergedAt = pr.mergedAt
  // A label put on after the merge (an `emergency` label, say) must not change the rules the
  // merge was made under.
  const adders = known?.labelAdders ?? (pr.labels.length > 0 ? await findLabelAdders(client, repo, number, pr.labels) : new Map<string, LabelAddition>())
  const kept = pr.labels.filter((label) => {
    const added = adders.get(label)
    return added !== undefined && Date.parse(added.at) < Date.parse(mergedAt)
  })
  const laterLabels = pr.labels.filter((label) => !kept.includes(label))
  const atMerge: PullRequestInfo = { ...pr, labels: kept }

  const typed = await classifyForApproval(client, repo, atMerge, policy, undefined, { ...(known?.files ? { files: known.files } : {}), labelAdders: adders })
  const changeType = typed.changeType
  const merged = reviewsAtMerge(reviews, mergedAt, changeType)
  const wantsChangeRequest = policy.changeRequest.required.includes(changeType)
  const [gathered, documented] = await Promise.all([
    gatherApprovalFacts(client, repo, { pr: atMerge, reviews: merged.reviews, policy, changeType, requirements: typed.requirements }),
    wantsChangeRequest ? gatherChangeRequestFacts(client, repo, { pr: atMerge, policy, changeType, serverUrl }) : Promise.resolve(null)
  ])
  const approvals = evaluateApprovals(gathered.facts, policy, typed.requirements)

  // Checks on the head that was approved; the merged commit is read only if they fall short.
  const required = requiredChecksFor(policy.deploy, typed.classification.controls)
  const onHead = required.length === 0 ? [] : (known?.headChecks ?? (await Promise.all([listCheckRunsForRef(client, repo, pr.headSha), getCombinedStatus(client, repo, pr.headSha)])).flat())
  let checks = evaluateRequiredChecks(required, onHead)
  if (checks.some((c) => c.outcome !== 'success') && pr.mergeCommitSha !== pr.headSha) {
    const onMerge = (await Promise.all([listCheckRunsForRef(client, repo, pr.mergeCommitSha), getCombinedStatus(client, repo, pr.mergeCommitSha)])).flat()
    checks = evaluateRequiredChecks(required, [...onHead, ...onMerge])
  }

  return {
    pr,
    laterLabels,
    notes: [...gathered.notes, ...(documented?.notes ?? [])],
    judgement: {
      number,
      title: pr.title,
      changeType,
      controls: typed.classification.controls.map((c) => c.name),
      mergedAt,
      headSha: pr.headSha,
      mergeCommitSha: pr.mergeCommitSha,
      approvals,
      lateApprovals: merged.late,
      checks,
      changeRequest: documented ? evaluateChangeRequest(documented.facts, policy) : null
    }
  }
}
