// The policy that applies where the file is silent: the contract's example values without
// the names of teams (a default cannot know who your security team is), and without the
// example freezes (a freeze nobody asked for would block deploys).
import { literalGlob } from './globs'
import type { Control, Policy } from './types'

export const DEFAULT_POLICY_PATH = '.github/change-policy.yml'

/** The controls a policy gets when it has no `controls` section at all. */
export function defaultControls(): Control[] {
  return [
    {
      name: 'secrets-and-config',
      paths: ['**/.env*', '**/*.pem', 'fly.toml', 'vercel.json', 'supabase/config.toml'],
      approvals: 2,
      reviewers: [],
      requiredChecks: [],
      builtIn: false
    },
    {
      name: 'database',
      paths: ['supabase/migrations/**'],
      approvals: 0,
      reviewers: [],
      requiredChecks: ['validate-migration'],
      builtIn: false
    }
  ]
}

/**
 * Always appended after the written controls, whatever the policy says: a change must not
 * relax the rules that judge it (contract trust rules), so editing the policy file or a
 * workflow that runs these actions always needs an approval.
 */
export function builtInControls(policyPath: string): Control[] {
  return [
    { name: 'policy-file', paths: [literalGlob(normalizePolicyPath(policyPath))], approvals: 1, reviewers: [], requiredChecks: [], builtIn: true },
    { name: 'workflows', paths: ['.github/workflows/**'], approvals: 1, reviewers: [], requiredChecks: [], builtIn: true }
  ]
}

/** `./.github/x.yml` and `/.github/x.yml` name the same file as GitHub's `.github/x.yml`. */
export function normalizePolicyPath(path: string): string {
  const trimmed = path.trim().replace(/^(\.\/|\/)+/, '')
  return trimmed === '' ? DEFAULT_POLICY_PATH : trimmed
}

export function defaultPolicy(path: string = DEFAULT_POLICY_PATH): Policy {
  return {
    version: 1,
    classification: {
      emergency: { labels: ['emergency'], headBranches: ['hotfix/**'], declaredBy: [] },
      standard: {
        paths: ['docs/**', '**/*.md'],
        dependencyUpdates: ['patch'],
        dependencyBots: ['dependabot[bot]', 'renovate[bot]']
      }
    },
    controls: [...defaultControls(), ...builtInControls(path)],
    approvals: {
      standard: 0,
      normal: 1,
      emergency: 0,
      invalidateOnPush: true,
      ignoreBaseUpdates: true,
      allowSelfApproval: false,
      countBots: false,
      autoMerge: ['standard']
    },
    deploy: { branches: ['main'], environments: ['production'], requiredChecks: ['test', 'build'], checkApps: {}, allowDirectPush: false, freezes: [] },
    changeRequest: { required: [], sections: ['Justification', 'Impact assessment'], labels: [], documentedIn: 'issue' },
    emergency: { reviewWithinHours: 24, reviewers: [], labels: ['post-deployment-review'], escalateTo: [] },
    migrations: { path: 'supabase/migrations', rules: {} },
    credentials: { scan: true, onFinding: 'fail', ignorePaths: [] }
  }
}
