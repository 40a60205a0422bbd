// Repository objects in their sizes: `repository` (in pull request heads and bases),
// `full-repository` (GET /repos/{owner}/{repo}) and `minimal-repository` (in combined status).
import type { RepositoryState } from '../state/repository-state'
import { simpleUser } from './user'
import type { Schemas, View } from './view'

type UrlFields = Pick<
  Schemas['repository'],
  | 'url' | 'html_url' | 'archive_url' | 'assignees_url' | 'blobs_url' | 'branches_url' | 'collaborators_url'
  | 'comments_url' | 'commits_url' | 'compare_url' | 'contents_url' | 'contributors_url' | 'deployments_url'
  | 'downloads_url' | 'events_url' | 'forks_url' | 'git_commits_url' | 'git_refs_url' | 'git_tags_url'
  | 'git_url' | 'issue_comment_url' | 'issue_events_url' | 'issues_url' | 'keys_url' | 'labels_url'
  | 'languages_url' | 'merges_url' | 'milestones_url' | 'notifications_url' | 'pulls_url' | 'releases_url'
  | 'ssh_url' | 'stargazers_url' | 'statuses_url' | 'subscribers_url' | 'subscription_url' | 'tags_url'
  | 'teams_url' | 'trees_url' | 'clone_url' | 'mirror_url' | 'hooks_url' | 'svn_url'
>

function urlFields(view: View, repo: RepositoryState): UrlFields {
  const api = view.urls.repoApi(repo.fullName)
  const web = view.urls.repoWeb(repo.fullName)
  const host = new URL(view.urls.web).host
  return {
    url: api,
    html_url: web,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${host}/${repo.fullName}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${host}:${repo.fullName}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${web}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: web
  }
}

function openIssues(repo: RepositoryState): number {
  return [...repo.issues.values()].filter((i) => i.state === 'open').length
}

function pushedAt(repo: RepositoryState): string {
  const head = repo.branch(repo.record.defaultBranch)
  return head === undefined ? repo.record.createdAt : repo.getCommit(head).committer.date
}

export function repository(view: View, repo: RepositoryState): Schemas['repository'] {
  const r = repo.record
  const open = openIssues(repo)
  return {
    id: r.id,
    node_id: r.nodeId,
    name: r.name,
    full_name: r.fullName,
    private: r.visibility !== 'public',
    owner: simpleUser(view, r.owner),
    description: r.description,
    fork: false,
    ...urlFields(view, repo),
    homepage: null,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: r.defaultBranch,
    open_issues_count: open,
    open_issues: open,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: r.visibility,
    pushed_at: pushedAt(repo),
    created_at: r.createdAt,
    updated_at: pushedAt(repo),
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null
  }
}

export function fullRepository(view: View, repo: RepositoryState): Schemas['full-repository'] {
  const base = repository(view, repo)
  const pushed = pushedAt(repo)
  const role = view.state.findUser(repo.record.owner)?.type === 'Organization'
  return {
    ...base,
    pushed_at: pushed,
    created_at: repo.record.createdAt,
    updated_at: pushed,
    has_discussions: false,
    allow_auto_merge: repo.record.allowAutoMerge,
    allow_merge_commit: true,
    allow_squash_merge: true,
    allow_rebase_merge: true,
    allow_update_branch: false,
    delete_branch_on_merge: false,
    use_squash_pr_title_as_default: false,
    squash_merge_commit_title: 'COMMIT_OR_PR_TITLE',
    squash_merge_commit_message: 'COMMIT_MESSAGES',
    merge_commit_title: 'MERGE_MESSAGE',
    merge_commit_message: 'PR_TITLE',
    network_count: 0,
    subscribers_count: 0,
    ...(role ? { organization: simpleUser(view, repo.record.owner) } : {})
  }
}

export function minimalRepository(view: View, repo: RepositoryState): Schemas['minimal-repository'] {
  return repository(view, repo) as Schemas['minimal-repository']
}
