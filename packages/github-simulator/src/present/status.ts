// `status` (one commit status) and `combined-commit-status` (the latest per context, folded).
import type { RepositoryState } from '../state/repository-state'
import type { CommitState, StatusRecord } from '../state/records'
import { minimalRepository } from './repository'
import { simpleUser } from './user'
import type { Schemas, View } from './view'

export function commitStatus(view: View, repo: RepositoryState, record: StatusRecord): Schemas['status'] {
  const creator = simpleUser(view, record.creator)
  return {
    url: `${view.urls.repoApi(repo.fullName)}/statuses/${record.sha}`,
    avatar_url: creator.avatar_url,
    id: record.id,
    node_id: record.nodeId,
    state: record.state,
    description: record.description,
    target_url: record.targetUrl,
    context: record.context,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    creator
  }
}

/** The newest status per context, newest first. */
export function latestStatuses(repo: RepositoryState, sha: string): StatusRecord[] {
  const latest = new Map<string, StatusRecord>()
  for (const status of repo.statuses) if (status.sha === sha) latest.set(status.context, status)
  return [...latest.values()].reverse()
}

/** GitHub's fold: failure if any error/failure, pending if none or any pending, else success. */
export function combinedState(statuses: readonly StatusRecord[]): CommitState {
  if (statuses.some((s) => s.state === 'error' || s.state === 'failure')) return 'failure'
  if (statuses.length === 0 || statuses.some((s) => s.state === 'pending')) return 'pending'
  return 'success'
}

export function combinedStatus(view: View, repo: RepositoryState, sha: string, statuses: readonly StatusRecord[], total: number): Schemas['combined-commit-status'] {
  const api = view.urls.repoApi(repo.fullName)
  return {
    state: combinedState(latestStatuses(repo, sha)),
    statuses: statuses.map((s) => {
      const { creator: _creator, ...simple } = commitStatus(view, repo, s)
      return simple
    }),
    sha,
    total_count: total,
    repository: minimalRepository(view, repo),
    commit_url: `${api}/commits/${sha}`,
    url: `${api}/commits/${sha}/status`
  }
}
