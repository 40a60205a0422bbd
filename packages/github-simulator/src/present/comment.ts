// `issue-comment`.
import type { RepositoryState } from '../state/repository-state'
import type { CommentRecord } from '../state/records'
import { authorAssociation } from './author-association'
import { simpleUser } from './user'
import type { Schemas, View } from './view'

export function issueComment(view: View, repo: RepositoryState, record: CommentRecord): Schemas['issue-comment'] {
  const api = view.urls.repoApi(repo.fullName)
  const pull = repo.issues.get(record.issueNumber)?.pull !== undefined
  return {
    id: record.id,
    node_id: record.nodeId,
    url: `${api}/issues/comments/${record.id}`,
    html_url: `${view.urls.repoWeb(repo.fullName)}/${pull ? 'pull' : 'issues'}/${record.issueNumber}#issuecomment-${record.id}`,
    issue_url: `${api}/issues/${record.issueNumber}`,
    body: record.body,
    user: simpleUser(view, record.user),
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    author_association: authorAssociation(view, repo, record.user),
    performed_via_github_app: null
  }
}
