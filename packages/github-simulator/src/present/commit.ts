// `commit` (GET one, lists, PR commits) and `diff-entry` (files of a PR, a commit, a comparison).
import type { RepositoryState } from '../state/repository-state'
import type { ChangedFileRecord, GitIdentity } from '../state/records'
import { simpleUser } from './user'
import type { Schemas, View } from './view'

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

export function diffEntry(view: View, repo: RepositoryState, file: ChangedFileRecord, ref: string): Schemas['diff-entry'] {
  const entry: Schemas['diff-entry'] = {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
    blob_url: `${view.urls.repoWeb(repo.fullName)}/blob/${ref}/${encodePath(file.filename)}`,
    raw_url: `${view.urls.repoWeb(repo.fullName)}/raw/${ref}/${encodePath(file.filename)}`,
    contents_url: `${view.urls.repoApi(repo.fullName)}/contents/${encodePath(file.filename)}?ref=${ref}`
  }
  if (file.patch !== undefined) entry.patch = file.patch
  if (file.previousFilename !== undefined) entry.previous_filename = file.previousFilename
  return entry
}

function gitUser(who: GitIdentity): { name: string; email: string; date: string } {
  return { name: who.name, email: who.email, date: who.date }
}

/** GitHub's cap on the files of one commit in a single answer. */
export const COMMIT_FILES_LIMIT = 300

export function commit(view: View, repo: RepositoryState, sha: string, options: { withFiles?: boolean } = {}): Schemas['commit'] {
  const record = repo.getCommit(sha)
  const api = view.urls.repoApi(repo.fullName)
  const web = view.urls.repoWeb(repo.fullName)
  const out: Schemas['commit'] = {
    url: `${api}/commits/${sha}`,
    sha,
    node_id: view.state.nodeId('C', parseInt(sha.slice(0, 8), 16)),
    html_url: `${web}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: gitUser(record.author),
      committer: gitUser(record.committer),
      message: record.message,
      tree: { sha: record.treeSha, url: `${api}/git/trees/${record.treeSha}` },
      comment_count: 0,
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
    },
    author: record.author.login === null ? null : simpleUser(view, record.author.login),
    committer: record.committer.login === null ? null : simpleUser(view, record.committer.login),
    parents: record.parents.map((parent) => ({ sha: parent, url: `${api}/commits/${parent}`, html_url: `${web}/commit/${parent}` }))
  }
  if (options.withFiles === true) {
    const files = repo.commitFiles(sha)
    const additions = files.reduce((s, f) => s + f.additions, 0)
    const deletions = files.reduce((s, f) => s + f.deletions, 0)
    out.stats = { total: additions + deletions, additions, deletions }
    out.files = files.slice(0, COMMIT_FILES_LIMIT).map((f) => diffEntry(view, repo, f, sha))
  }
  return out
}
