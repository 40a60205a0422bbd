// `issue-event-for-issue`: what GET /issues/{n}/events lists (labeled, unlabeled, closed...).
import type { RepositoryState } from '../state/repository-state'
import type { IssueEventRecord } from '../state/records'
import { simpleUser } from './user'
import type { Schemas, View } from './view'

export function issueEvent(view: View, repo: RepositoryState, record: IssueEventRecord): Schemas['issue-event-for-issue'] {
  const api = view.urls.repoApi(repo.fullName)
  const base = {
    id: record.id,
    node_id: record.nodeId,
    url: `${api}/issues/events/${record.id}`,
    actor: simpleUser(view, record.actor),
    event: record.event,
    commit_id: record.commitId,
    commit_url: record.commitId === null ? null : `${api}/commits/${record.commitId}`,
    created_at: record.createdAt,
    performed_via_github_app: null
  }
  return record.label === undefined ? base : { ...base, label: { name: record.label.name, color: record.label.color } }
}
