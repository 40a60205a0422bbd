// `issue`: issues and, with the `pull_request` key, pull requests seen as issues.
import type { RepositoryState } from '../state/repository-state'
import type { IssueRecord } from '../state/records'
import { authorAssociation } from './author-association'
import { issueLabels } from './label'
import { nullableUser, simpleUser } from './user'
import type { Schemas, View } from './view'

export function issue(view: View, repo: RepositoryState, record: IssueRecord): Schemas['issue'] {
  const api = `${view.urls.repoApi(repo.fullName)}/issues/${record.number}`
  const web = view.urls.repoWeb(repo.fullName)
  const pull = record.pull
  const assignees = record.assignees.map((login) => simpleUser(view, login))
  const out: Schemas['issue'] = {
    id: record.id,
    node_id: record.nodeId,
    url: api,
    repository_url: view.urls.repoApi(repo.fullName),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: pull === undefined ? `${web}/issues/${record.number}` : `${web}/pull/${record.number}`,
    number: record.number,
    state: record.state,
    state_reason: record.stateReason,
    title: record.title,
    body: record.body,
    user: simpleUser(view, record.user),
    labels: issueLabels(view, repo, record.labels),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: record.locked,
    active_lock_reason: null,
    comments: repo.comments.filter((c) => c.issueNumber === record.number).length,
    closed_at: record.closedAt,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    closed_by: nullableUser(view, record.closedBy),
    author_association: authorAssociation(view, repo, record.user),
    timeline_url: `${api}/timeline`,
    performed_via_github_app: null
  }
  if (pull !== undefined) {
    out.draft = pull.draft
    out.pull_request = {
      url: `${view.urls.repoApi(repo.fullName)}/pulls/${record.number}`,
      html_url: `${web}/pull/${record.number}`,
      diff_url: `${web}/pull/${record.number}.diff`,
      patch_url: `${web}/pull/${record.number}.patch`,
      merged_at: pull.mergedAt
    }
  }
  return out
}
