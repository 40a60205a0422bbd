export { createGitHubClient, type ClientOptions, type GitHubClient, type RepoRef } from './client'
export { describeRequestError, GitHubAccessError } from './errors'
export {
  getPullRequest,
  listPullRequestCommits,
  listPullRequestFiles,
  GITHUB_MAX_LISTED_FILES,
  type PullRequestCommit,
  type PullRequestFile,
  type PullRequestInfo
} from './pulls'
export { readFileAtRef, type FileAtRef } from './contents'
export { readFileBytesAtRef, type FileBytesAtRef } from './contents'
export { findLabelAdders, syncPrefixedLabel, type LabelAddition, type LabelChanges } from './labels'
export { getPermission, type Permission } from './permissions'
export { listTeamMembers, parseTeam, TeamDirectory, TEAM_TOKEN_FIX } from './teams'
export { gatherClassificationFacts, type KnownPullRequestFacts } from './classification-facts'
export { listPullRequestReviews } from './reviews'
export { readPermissions } from './collaborators'
export { APPROVAL_STATUS_CONTEXT, setCommitStatus, statusDescription, type CommitStatusInput, type CommitStatusState } from './commit-statuses'
export { enableAutoMerge, type AutoMergeResult, type MergeMethod } from './auto-merge'
export { fileOutcomes, firstDifference, verifyBaseMerge, LISTED_FILES_CAP, type BaseMergeVerdict, type ChangedFileEntry, type FileOutcomes, type MergeCommit } from './base-merges'
export {
  foreignTeams,
  gatherApprovalFacts,
  MAX_LISTED_COMMITS,
  MAX_VERIFIED_MERGES,
  type ApprovalFactsInput,
  type ForeignTeam,
  type GatheredApprovalFacts
} from './approval-facts'
export { readLinkedIssue, repositoryFromApiUrl } from './issues'
export { listSidebarLinkedIssues, type SidebarLinks } from './sidebar-links'
export { gatherChangeRequestFacts, type ChangeRequestFactsInput, type GatheredChangeRequestFacts } from './change-request-facts'
export {
  addIssueLabels,
  commentOnIssue,
  createIssue,
  findIssueCloser,
  listIssueComments,
  listIssues,
  listMergedPullRequestsSince,
  updateIssue,
  type IssueComment,
  type IssueInfo,
  type IssueListFilter,
  type MergedPullRequest
} from './review-issues'
export { getDefaultBranch } from './default-branch'
export { MERGED_PULL_REQUESTS_PAGE, readMergedPullRequestsInPeriod, type MergedPullRequestNode } from './merged-pull-requests-in-period'
export { pullRequestEvidence, type PullRequestEvidence } from './pull-request-evidence'
export { PermissionDirectory } from './permission-directory'
export { findMergedPullRequestOfCommit } from './commit-pull-requests'
export { findLastSuccessfulDeployment, recordGateDeployment, GATE_DEPLOYMENT_TASK, type DeploymentRecordInput, type LastDeployment } from './deployments'
export { listCommitPullRequests } from './commit-pulls'
export { compareCommits, COMPARE_FILES_CAP, type Comparison } from './compare'
export { listCheckRunsForRef } from './check-runs'
export { getCombinedStatus } from './combined-status'
export { firstCommitTouching, getCommit, type CommitInfo } from './commit-lookup'
export { listRangePullRequests, type RangePullRequests } from './range-pull-requests'
export { readMergedPullRequestDetails, PULLS_PER_QUERY, type MergedPullRequestData } from './merged-pull-request-details'
