import { context } from '@actions/github'
import { ActionError } from './action-error'

/** Who and what ran this step, for the audit record. */
export interface RunContext {
  repository: string
  owner: string
  repo: string
  eventName: string
  payload: Record<string, unknown>
  actor: string
  sha: string
  runUrl: string
  apiUrl: string
  /** GITHUB_SERVER_URL without a trailing slash: links to issues and pull requests are on this host. */
  serverUrl: string
}

export function readRunContext(): RunContext {
  const repository = process.env['GITHUB_REPOSITORY'] ?? ''
  const [owner = '', repo = ''] = repository.split('/')
  if (!owner || !repo) {
    throw new ActionError({
      message: 'GITHUB_REPOSITORY is not set, so this is not running inside a GitHub Actions job.',
      fix: 'Run the action from a workflow step (`uses:`); locally, use the change-policy command instead.'
    })
  }
  const serverUrl = (process.env['GITHUB_SERVER_URL'] ?? 'https://github.com').replace(/\/+$/, '')
  const runId = process.env['GITHUB_RUN_ID']
  return {
    repository,
    owner,
    repo,
    eventName: context.eventName ?? '',
    payload: (context.payload ?? {}) as Record<string, unknown>,
    actor: context.actor ?? '',
    sha: context.sha ?? '',
    runUrl: runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : '',
    apiUrl: context.apiUrl,
    serverUrl
  }
}
