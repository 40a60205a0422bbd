import { defaultPolicy, parsePolicy, type Policy, type PolicySource, type Problem } from '@change-policy/policy'
import { readFileAtRef, type GitHubClient, type RepoRef } from '@change-policy/github'
import { RULE_NAMES } from '@change-policy/migrations/rule-names'
import { ActionError } from './action-error'

export interface LoadPolicyOptions {
  /** The migration lint rules that exist (default: all of them): an unknown name under `migrations.rules` is an error at its line in every action. */
  knownMigrationRules?: readonly string[]
}

export interface LoadedPolicy {
  policy: Policy
  source: PolicySource
  warnings: Problem[]
}

/**
 * The policy at `ref` (the base branch: a pull request must not relax the rules that judge
 * it). No file there means the built-in defaults, said loudly; any other failure to read or
 * validate it fails the step with every problem located in the file.
 */
export async function loadPolicy(client: GitHubClient, repo: RepoRef, path: string, ref: string, options: LoadPolicyOptions = {}): Promise<LoadedPolicy> {
  const file = await readFileAtRef(client, repo, path, ref)
  if (!file) {
    return {
      policy: defaultPolicy(path),
      source: { path, ref, defaulted: true },
      warnings: [
        {
          message: `No policy file at ${path} on ${ref}: the built-in defaults apply.`,
          fix: `Commit a policy to ${path} on ${ref} (see docs/policy.md) to set your own rules.`
        }
      ]
    }
  }
  const parsed = parsePolicy(file.text, { path, knownMigrationRules: options.knownMigrationRules ?? RULE_NAMES })
  if (!parsed.ok) throw new ActionError(parsed.problems)
  return { policy: parsed.policy, source: { path, ref, sha: file.sha, defaulted: false }, warnings: parsed.warnings }
}
