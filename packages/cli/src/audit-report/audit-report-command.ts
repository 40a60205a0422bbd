import { renderAuditCsv, renderAuditJson, renderAuditMarkdown } from '@change-policy/policy'
import { createGitHubClient, getDefaultBranch, GitHubAccessError } from '@change-policy/github'
import { ActionError, formatProblem } from '@change-policy/runtime'
import type { CommandResult } from '../classify-command'
import type { AuditReportArguments } from './audit-report-arguments'
import { gatherAuditReport } from './gather-audit-report'

/** `change-policy audit-report`: the evidence for a period, printed as Markdown, CSV or JSON. */
export async function runAuditReportCommand(args: AuditReportArguments, env: NodeJS.ProcessEnv = process.env, now = new Date()): Promise<CommandResult> {
  const token = env[args.tokenEnv] ?? ''
  if (token === '') return { exitCode: 2, stdout: '', stderr: `change-policy: no token: set ${args.tokenEnv} to a token that can read the repository's pull requests, issues and checks.\n` }
  const apiUrl = args.apiUrl ?? env['GITHUB_API_URL'] ?? 'https://api.github.com'
  const serverUrl = (args.serverUrl ?? env['GITHUB_SERVER_URL'] ?? 'https://github.com').replace(/\/+$/, '')
  const log: string[] = []
  const client = createGitHubClient({ token, baseUrl: apiUrl, log: (m) => log.push(m) })
  const counted = { rest: 0, graphql: 0 }
  client.hook.before('request', (options) => {
    if (String(options.url).endsWith('/graphql')) counted.graphql += 1
    else counted.rest += 1
  })
  const repo = { owner: args.owner, repo: args.repo }
  try {
    const report = await gatherAuditReport({
      client, repo, from: args.since, to: args.until ?? now, now, policyPath: args.policy,
      policyRef: args.policyRef ?? (await getDefaultBranch(client, repo)), serverUrl, requests: () => ({ ...counted })
    })
    const stdout = args.format === 'csv' ? renderAuditCsv(report) : args.format === 'json' ? renderAuditJson(report) : renderAuditMarkdown(report)
    const stderr = `${report.changes.length} merged pull requests, ${report.exceptions.length} exceptions; ${counted.graphql} GraphQL queries and ${counted.rest} REST requests.\n`
    return { exitCode: 0, stdout, stderr: log.map((l) => `${l}\n`).join('') + stderr }
  } catch (error) {
    const problems = error instanceof ActionError ? error.problems : error instanceof GitHubAccessError ? [error.problem] : null
    if (problems === null) throw error
    return { exitCode: 1, stdout: '', stderr: problems.map((p) => `error: ${formatProblem(p)}\n`).join('') }
  }
}
