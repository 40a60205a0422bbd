// `pull-request-review`.
import type { RepositoryState } from '../state/repository-state'
import type { ReviewRecord } from '../state/records'
import { authorAssociation } from './author-association'
import { simpleUser } from './user'
import type { Schemas, View } from './view'

export function review(view: View, repo: RepositoryState, record: ReviewRecord): Schemas['pull-request-review'] {
  const html = `${view.urls.repoWeb(repo.fullName)}/pull/${record.pullNumber}#pullrequestreview-${record.id}`
  const pullUrl = `${view.urls.repoApi(repo.fullName)}/pulls/${record.pullNumber}`
  return {
    id: record.id,
    node_id: record.nodeId,
    user: simpleUser(view, record.user),
    body: record.body,
    state: record.state,
    html_url: html,
    pull_request_url: pullUrl,
    author_association: authorAssociation(view, repo, record.user),
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    submitted_at: record.submittedAt,
    commit_id: record.commitId
  }
}
