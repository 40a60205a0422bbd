import { defaultPolicy, parsePolicy, type Policy, type PolicySource, type Problem } from '@change-policy/policy'
import { checkRuleSeverities, GitError as MigrationGitError, MigrationEngineError, RULE_NAMES, validateMigrations, type MigrationReport } from '@change-policy/migrations'
import { findingFails, formatProblem, migrationCredentialScanner, renderMigrationSummary } from '@change-policy/runtime'
import type { CommandResult } from './classify-command'
import { git, readFileAtRef, resolveRef } from './git'
import { printedSummary } from './terminal-text'
import type { ValidateMigrationsArguments } from './validate-migrations-arguments'

type LoadedPolicy = { ok: true; policy: Policy; source: PolicySource; warnings: Problem[] } | { ok: false; problems: Problem[] }

/** The policy as it is at the base commit, never from the working tree (as the action reads it). */
async function policyAtBase(repo: string, baseSha: string, args: ValidateMigrationsArguments): Promise<LoadedPolicy> {
  const text = await readFileAtRef(repo, baseSha, args.policy)
  if (text === null) {
    return {
      ok: true,
      policy: defaultPolicy(args.policy),
      source: { path: args.policy, ref: args.base, defaulted: true },
      warnings: [{ message: `No policy file at ${args.policy} on ${args.base}: the built-in defaults apply.` }]
    }
  }
  const parsed = parsePolicy(text, { path: args.policy, knownMigrationRules: RULE_NAMES })
  if (!parsed.ok) return parsed
  const ruleProblems = checkRuleSeverities(parsed.policy.migrations.rules)
  if (ruleProblems.length) return { ok: false, problems: ruleProblems.map((p) => ({ message: p.message, fix: p.fix, file: args.policy })) }
  const blob = (await git(repo, ['rev-parse', `${baseSha}:${args.policy}`])).trim()
  return { ok: true, policy: parsed.policy, source: { path: args.policy, ref: args.base, sha: blob, defaulted: false }, warnings: parsed.warnings }
}

/** Findings as compiler-style lines, so an editor or terminal can jump to them. */
function findingLines(report: MigrationReport, failOn: 'error' | 'warning'): string {
  return report.findings
    .filter((finding) => finding.blocking !== false)
    .map((f) => `${f.file}:${f.line}:${f.column}: ${findingFails(f, failOn) ? 'error' : 'warning'} [${f.rule}] ${f.message}\n  fix: ${f.fix}\n`)
    .join('')
}

/**
 * The validate-migration job without GitHub: the migrations in the working tree against
 * `--base`, the policy from the base ref, the same checks and the same summary. A developer
 * sees the verdict before pushing.
 */
export async function runValidateMigrationsCommand(args: ValidateMigrationsArguments): Promise<CommandResult> {
  const repo = (await git(args.repo, ['rev-parse', '--show-toplevel']).catch(() => '')).trim()
  if (!repo) return { exitCode: 2, stdout: '', stderr: `change-policy: ${args.repo} is not inside a git repository.\n` }
  const baseSha = await resolveRef(repo, args.base).catch(() => '')
  if (!baseSha) return { exitCode: 2, stdout: '', stderr: `change-policy: --base ${args.base} is not a commit in ${repo}.\n` }

  const loaded = await policyAtBase(repo, baseSha, args)
  if (!loaded.ok) return { exitCode: 2, stdout: '', stderr: loaded.problems.map((p) => `error: ${formatProblem(p)}\n`).join('') }
  const path = args.path ?? loaded.policy.migrations.path

  let report: MigrationReport
  try {
    // As validate-migration does; nothing here prints a secret, so there is nothing to mask.
    const scanCredentials = migrationCredentialScanner(loaded.policy, { mask: () => undefined })
    report = await validateMigrations({
      ...(scanCredentials ? { scanCredentials } : {}),
      repoDir: repo,
      path,
      baseRef: baseSha,
      ...(args.databaseUrl ? { databaseUrl: args.databaseUrl } : {}),
      supabase: args.supabase === 'auto' ? 'auto' : args.supabase === 'true',
      rules: loaded.policy.migrations.rules,
      failOn: args.failOn
    })
  } catch (error) {
    if (error instanceof MigrationGitError || error instanceof MigrationEngineError) {
      return { exitCode: 1, stdout: '', stderr: `change-policy: ${error.message}\n  fix: ${error.fix}\n` }
    }
    throw error
  }

  const warnings = loaded.warnings.map((w) => `warning: ${formatProblem(w)}\n`).join('')
  const stdout =
    args.format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : printedSummary(renderMigrationSummary({ report, path, failOn: args.failOn, baseRef: args.base, policy: loaded.source, warnings: loaded.warnings }), args.format, args.color === true)
  return { exitCode: report.valid ? 0 : 1, stdout, stderr: `${warnings}${findingLines(report, args.failOn)}` }
}
