import { classify, type ApprovalRequirement, type ChangeType, type Classification, type Policy } from '@change-policy/policy'
import { gatherClassificationFacts, listPullRequestFiles, type GitHubClient, type KnownPullRequestFacts, type PullRequestInfo, type RepoRef } from '@change-policy/github'
import { maskCredential } from './credential-report'
import { withCredentialScan } from './credential-scan'

export interface ApprovalClassification {
  changeType: ChangeType
  /** `classified`: by the same code as classify-change; `input`: the `change-type` input said so. */
  changeTypeFrom: 'classified' | 'input'
  classification: Classification
  /** The change type's count (of the type that applies) and every matched control's. */
  requirements: ApprovalRequirement[]
}

/**
 * The change type and the requirements it brings. Without `given`, the pull request is
 * classified exactly as classify-change does. With it, only the type is taken from the
 * input: the controls still come from the pull request's files, since a control applies
 * to any type of change and must not be skipped because a workflow named the type.
 */
export async function classifyForApproval(
  client: GitHubClient,
  repo: RepoRef,
  pr: PullRequestInfo,
  policy: Policy,
  given?: ChangeType,
  known?: KnownPullRequestFacts
): Promise<ApprovalClassification> {
  if (given === undefined) {
    // The credential scan too: under `on-finding: control` a finding adds a control's approvals.
    const facts = await withCredentialScan(client, repo, pr.headSha, await gatherClassificationFacts(client, repo, pr, policy, undefined, known), policy, { mask: maskCredential })
    const classification = classify(facts, policy)
    return { changeType: classification.changeType, changeTypeFrom: 'classified', classification, requirements: classification.requirements }
  }
  // Labels and dependency updates only decide the type, which is given: the files suffice.
  const files = await listPullRequestFiles(client, repo, pr, { patches: policy.credentials.scan })
  const facts = await withCredentialScan(
    client,
    repo,
    pr.headSha,
    { files, labels: [], headBranch: '', author: pr.author, authorIsBot: pr.authorIsBot, dependencyUpdates: null, permissions: {}, teamMembers: {} },
    policy,
    { mask: maskCredential }
  )
  const classification = classify(facts, policy)
  const requirements: ApprovalRequirement[] = [
    { source: 'change-type', name: given, approvals: policy.approvals[given], reviewers: [] },
    ...classification.requirements.filter((requirement) => requirement.source !== 'change-type')
  ]
  return { changeType: given, changeTypeFrom: 'input', classification, requirements }
}
