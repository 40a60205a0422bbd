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
export { gatherClassificationFacts } from './classification-facts'
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
