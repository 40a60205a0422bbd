export { createGitHubClient, type ClientOptions, type GitHubClient, type RepoRef } from './client'
export { describeRequestError, GitHubAccessError } from './errors'
export {
  getPullRequest,
  listPullRequestCommits,
  listPullRequestFiles,
  MAX_LISTED_FILES,
  type PullRequestCommit,
  type PullRequestFile,
  type PullRequestInfo
} from './pulls'
export { readFileAtRef, type FileAtRef } from './contents'
export { findLabelAdders, syncPrefixedLabel, type LabelAddition, type LabelChanges } from './labels'
export { getPermission, type Permission } from './permissions'
export { listTeamMembers, parseTeam, TeamDirectory, TEAM_TOKEN_FIX } from './teams'
export { gatherClassificationFacts } from './classification-facts'
