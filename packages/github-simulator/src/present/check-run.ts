// `check-run` and the app (`integration`) that created it.
import type { RepositoryState } from '../state/repository-state'
import type { AppRecord, CheckRunRecord } from '../state/records'
import { pullRequestMinimal } from './pull-request'
import { simpleUser } from './user'
import type { Schemas, View } from './view'

export function integration(view: View, app: AppRecord): Schemas['integration'] {
  return {
    id: app.id,
    slug: app.slug,
    node_id: app.nodeId,
    client_id: `Iv1.${app.id.toString(16).padStart(16, '0')}`,
    owner: simpleUser(view, app.owner),
    name: app.name,
    description: app.description,
    external_url: app.externalUrl,
    html_url: app.htmlUrl,
    created_at: app.createdAt,
    updated_at: app.updatedAt,
    permissions: app.permissions,
    events: app.events
  }
}

export function checkRun(view: View, repo: RepositoryState, run: CheckRunRecord): Schemas['check-run'] {
  const api = view.urls.repoApi(repo.fullName)
  const web = view.urls.repoWeb(repo.fullName)
  // A check run lists the open pull requests whose head is its commit.
  const pulls = [...repo.pulls.values()].filter((p) => p.head.sha === run.headSha && p.issue.state === 'open')
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: run.nodeId,
    external_id: run.externalId,
    url: `${api}/check-runs/${run.id}`,
    html_url: `${web}/runs/${run.id}`,
    details_url: run.detailsUrl ?? `${web}/runs/${run.id}`,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: 0,
      annotations_url: `${api}/check-runs/${run.id}/annotations`
    },
    name: run.name,
    check_suite: { id: run.checkSuiteId },
    app: integration(view, run.app),
    pull_requests: pulls.map((p) => pullRequestMinimal(view, repo, p))
  }
}
