// `pull-request` (GET one), `pull-request-simple` (lists) and `pull-request-minimal` (inside
// check runs). merge_commit_sha of an open pull request is its test merge commit, as on GitHub.
import type { RepositoryState } from '../state/repository-state'
import type { PullRequestRecord } from '../state/records'
import { authorAssociation } from './author-association'
import { issueLabels } from './label'
import { repository } from './repository'
import { nullableUser, simpleUser } from './user'
import type { Schemas, View } from './view'

function branchSide(view: View, repo: RepositoryState, ref: string, sha: string, repoName: string): Schemas['pull-request']['head'] {
  const side = view.state.findRepository(repoName) ?? repo
  return {
    label: `${side.record.owner}:${ref}`,
    ref,
    sha,
    user: simpleUser(view, side.record.owner),
    repo: repository(view, side)
  }
}

export function pullRequest(view: View, repo: RepositoryState, pull: PullRequestRecord): Schemas['pull-request'] {
  const issue = pull.issue
  const n = pull.number
  const api = view.urls.repoApi(repo.fullName)
  const web = view.urls.repoWeb(repo.fullName)
  const assignees = issue.assignees.map((login) => simpleUser(view, login))
  const additions = pull.files.reduce((sum, f) => sum + f.additions, 0)
  const deletions = pull.files.reduce((sum, f) => sum + f.deletions, 0)
  const open = issue.state === 'open'
  return {
    url: `${api}/pulls/${n}`,
    id: pull.id,
    node_id: pull.nodeId,
    html_url: `${web}/pull/${n}`,
    diff_url: `${web}/pull/${n}.diff`,
    patch_url: `${web}/pull/${n}.patch`,
    issue_url: `${api}/issues/${n}`,
    commits_url: `${api}/pulls/${n}/commits`,
    review_comments_url: `${api}/pulls/${n}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${n}/comments`,
    statuses_url: `${api}/statuses/${pull.head.sha}`,
    number: n,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: simpleUser(view, issue.user),
    body: issue.body,
    labels: issueLabels(view, repo, issue.labels),
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha ?? (open ? (repo.pullMergeRefs.get(n) ?? null) : null),
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: pull.requestedReviewers.map((login) => simpleUser(view, login)),
    requested_teams: [],
    head: branchSide(view, repo, pull.head.ref, pull.head.sha, pull.head.repo),
    base: branchSide(view, repo, pull.base.ref, pull.base.sha, repo.fullName),
    _links: {
      self: { href: `${api}/pulls/${n}` },
      html: { href: `${web}/pull/${n}` },
      issue: { href: `${api}/issues/${n}` },
      comments: { href: `${api}/issues/${n}/comments` },
      review_comments: { href: `${api}/pulls/${n}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${api}/pulls/${n}/commits` },
      statuses: { href: `${api}/statuses/${pull.head.sha}` }
    },
    author_association: authorAssociation(view, repo, issue.user),
    auto_merge:
      pull.autoMerge === null
        ? null
        : {
            enabled_by: simpleUser(view, pull.autoMerge.enabledBy),
            merge_method: pull.autoMerge.mergeMethod,
            commit_title: pull.autoMerge.commitTitle,
            commit_message: pull.autoMerge.commitMessage
          },
    draft: pull.draft,
    merged: pull.merged,
    mergeable: !open ? null : pull.mergeableState === 'dirty' ? false : pull.mergeableState === 'unknown' ? null : true,
    rebaseable: !open ? null : pull.mergeableState !== 'dirty',
    mergeable_state: pull.mergeableState,
    merged_by: nullableUser(view, pull.mergedBy),
    comments: repo.comments.filter((c) => c.issueNumber === n).length,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: pull.commits.length,
    additions,
    deletions,
    changed_files: pull.changedFiles
  }
}

const FULL_ONLY = [
  'merged', 'mergeable', 'rebaseable', 'mergeable_state', 'merged_by', 'comments', 'review_comments',
  'maintainer_can_modify', 'commits', 'additions', 'deletions', 'changed_files'
] as const

export function pullRequestSimple(view: View, repo: RepositoryState, pull: PullRequestRecord): Schemas['pull-request-simple'] {
  const full: Partial<Schemas['pull-request']> = pullRequest(view, repo, pull)
  for (const key of FULL_ONLY) delete full[key]
  return full as Schemas['pull-request-simple']
}

export function pullRequestMinimal(view: View, repo: RepositoryState, pull: PullRequestRecord): Schemas['pull-request-minimal'] {
  const side = (ref: string, sha: string) => ({ ref, sha, repo: { id: repo.record.id, url: view.urls.repoApi(repo.fullName), name: repo.record.name } })
  return {
    id: pull.id,
    number: pull.number,
    url: `${view.urls.repoApi(repo.fullName)}/pulls/${pull.number}`,
    head: side(pull.head.ref, pull.head.sha),
    base: side(pull.base.ref, pull.base.sha)
  }
}
