import * as core from '@actions/core'
import { createGitHubClient } from '@change-policy/github'
import { checkRuleSeverities, GitError, MigrationEngineError, RULE_NAMES, validateMigrations, type MigrationReport } from '@change-policy/migrations'
import {
  ActionError,
  annotateMigrationFindings,
  annotateProblems,
  choiceInput,
  emitAuditRecord,
  findingFails,
  loadPolicy,
  maskCredential,
  migrationCredentialScanner,
  readRunContext,
  renderMigrationSummary,
  runAction,
  stringInput,
  tokenInput
} from '@change-policy/runtime'
import { defaultBaseRef, defaultPolicyRef, judgedCommit, pullRequestNumber } from './event-refs'

// The `findings` output stays well under GitHub's 1 MB of outputs per job: the change's own findings come first.
const FINDINGS_OUTPUT_LIMIT = 1000
const REASONS_LIMIT = 20

function folderInput(name: string): string {
  const value = stringInput(name).replace(/\/+$/, '')
  if (value === '' || (!value.startsWith('/') && !value.split(/[\\/]/).includes('..'))) return value
  throw new ActionError({ message: `Input \`${name}\` is "${value}", which is not a folder inside the repository.`, fix: `Set \`${name}\` relative to the repository root, e.g. \`supabase/migrations\`.` })
}

/** Git and engine failures already say what to do; anything else is a bug, reported as such by runAction. */
function explained(error: unknown): never {
  if (error instanceof GitError || error instanceof MigrationEngineError) throw new ActionError({ message: error.message, fix: error.fix })
  throw error
}

function reasonsOf(report: MigrationReport, failOn: 'error' | 'warning'): string[] {
  const failing = report.findings.filter((finding) => findingFails(finding, failOn))
  const reasons = [`${report.applied} of ${report.files.length} migration files applied to ${report.apply?.description ?? 'no database'}; ${report.newMigrations.length} new, ${report.editedMigrations.length} edited.`]
  if (report.destructive) reasons.push('A new or edited migration can lose data.')
  for (const f of failing.slice(0, REASONS_LIMIT)) reasons.push(`${f.file}:${f.line}:${f.column} ${f.rule}: ${f.message}`)
  if (failing.length > REASONS_LIMIT) reasons.push(`…and ${failing.length - REASONS_LIMIT} more findings.`)
  return reasons
}

await runAction('validate-migration', async () => {
  const token = tokenInput()
  // A URL with a password in it: masked before anything can print it.
  const databaseUrl = stringInput('database-url')
  if (databaseUrl) core.setSecret(databaseUrl)
  const run = readRunContext()
  const policyPath = stringInput('policy', '.github/change-policy.yml')
  const policyRef = stringInput('policy-ref') || defaultPolicyRef(run)
  const baseRef = stringInput('base-ref') || defaultBaseRef(run)
  const supabase = choiceInput('supabase', ['auto', 'true', 'false'], 'auto')
  const failOn = choiceInput('fail-on', ['error', 'warning'], 'error')
  const pathInput = folderInput('path')

  // The policy comes from the base branch through the API, never from the checkout of the
  // pull request: a change must not relax the rules that judge it.
  const client = createGitHubClient({ token, baseUrl: run.apiUrl, log: core.info })
  const loaded = await loadPolicy(client, { owner: run.owner, repo: run.repo }, policyPath, policyRef, { knownMigrationRules: RULE_NAMES })
  const ruleProblems = checkRuleSeverities(loaded.policy.migrations.rules)
  if (ruleProblems.length) throw new ActionError(ruleProblems.map((problem) => ({ message: problem.message, fix: problem.fix, file: policyPath })))
  annotateProblems(loaded.warnings, 'warning', 'change-policy')
  const path = pathInput || loaded.policy.migrations.path
  const scanCredentials = migrationCredentialScanner(loaded.policy, { mask: maskCredential })

  const report = await validateMigrations({
    repoDir: process.env['GITHUB_WORKSPACE'] || process.cwd(),
    path,
    baseRef,
    ...(databaseUrl ? { databaseUrl } : {}),
    supabase: supabase === 'auto' ? 'auto' : supabase === 'true',
    rules: loaded.policy.migrations.rules,
    failOn,
    ...(scanCredentials ? { scanCredentials } : {})
  }).catch(explained)

  annotateMigrationFindings(report.findings)
  const listed = [...report.findings.filter((f) => f.blocking !== false), ...report.findings.filter((f) => f.blocking === false)].slice(0, FINDINGS_OUTPUT_LIMIT)
  core.setOutput('valid', String(report.valid))
  core.setOutput('applied', String(report.applied))
  core.setOutput('new-migrations', JSON.stringify(report.newMigrations))
  core.setOutput('findings', JSON.stringify(listed.map(({ file, line, column, rule, severity, message, destructive, blocking, sqlstate }) => ({ file, line, column, rule, severity, message, destructive, blocking, ...(sqlstate ? { sqlstate } : {}) }))))
  core.setOutput('destructive', String(report.destructive))
  emitAuditRecord(run, {
    action: 'validate-migration',
    decision: report.valid ? 'valid' : 'invalid',
    sha: judgedCommit(run),
    pullRequest: pullRequestNumber(run),
    reasons: reasonsOf(report, failOn),
    policy: loaded.source
  })
  // Each file's heading links to the file as the change has it.
  const fileUrl = (file: string) => `${run.serverUrl}/${run.repository}/blob/${judgedCommit(run)}/${file.split('/').map(encodeURIComponent).join('/')}`
  await core.summary.addRaw(renderMigrationSummary({ report, path, failOn, baseRef, policy: loaded.source, warnings: loaded.warnings, fileUrl }), true).write()

  const failing = report.findings.filter((finding) => findingFails(finding, failOn))
  if (report.valid) core.info(`Migrations valid: ${report.applied} applied, ${report.newMigrations.length} new.`)
  else core.setFailed(`${failing.length} finding${failing.length === 1 ? '' : 's'} fail${failing.length === 1 ? 's' : ''} this change; see the annotations and the job summary.`)
})
