// `deployment` and `deployment-status`.
import type { RepositoryState } from '../state/repository-state'
import type { DeploymentRecord, DeploymentStatusRecord } from '../state/records'
import { simpleUser } from './user'
import type { Schemas, View } from './view'

export function deployment(view: View, repo: RepositoryState, record: DeploymentRecord): Schemas['deployment'] {
  const api = view.urls.repoApi(repo.fullName)
  return {
    url: `${api}/deployments/${record.id}`,
    id: record.id,
    node_id: record.nodeId,
    sha: record.sha,
    ref: record.ref,
    task: record.task,
    payload: record.payload,
    original_environment: record.environment,
    environment: record.environment,
    description: record.description,
    creator: simpleUser(view, record.creator),
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    statuses_url: `${api}/deployments/${record.id}/statuses`,
    repository_url: api,
    transient_environment: record.transientEnvironment,
    production_environment: record.productionEnvironment
  }
}

export function deploymentStatus(view: View, repo: RepositoryState, parent: DeploymentRecord, record: DeploymentStatusRecord): Schemas['deployment-status'] {
  const api = view.urls.repoApi(repo.fullName)
  return {
    url: `${api}/deployments/${parent.id}/statuses/${record.id}`,
    id: record.id,
    node_id: record.nodeId,
    state: record.state,
    creator: simpleUser(view, record.creator),
    description: record.description,
    environment: record.environment,
    target_url: record.targetUrl,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    deployment_url: `${api}/deployments/${parent.id}`,
    repository_url: api,
    // GitHub documents both as URIs; unset, they are left out rather than sent as "".
    ...(record.environmentUrl === '' ? {} : { environment_url: record.environmentUrl }),
    ...(record.logUrl === '' ? {} : { log_url: record.logUrl })
  }
}
