// Policies and facts shared by the tests of this package.
import type { ClassificationFacts } from './classification-types'
import { parsePolicy } from './parse-policy'
import type { Policy, Problem } from './types'

export const POLICY_PATH = '.github/change-policy.yml'

/** The policy file exactly as the contract shows it. */
export const CONTRACT_POLICY_YAML = `version: 1

classification:
  emergency:
    labels: [emergency]              # any of these labels on the PR
    head-branches: ["hotfix/**"]     # or a head branch matching one of these globs
    declared-by: ["@acme/oncall"]    # who may declare one
  standard:
    paths: ["docs/**", "**/*.md"]
    dependency-updates: [patch]
    dependency-bots: ["dependabot[bot]", "renovate[bot]"]

controls:
  - name: secrets-and-config
    paths: ["**/.env*", "**/*.pem", "fly.toml", "vercel.json", "supabase/config.toml"]
    approvals: 2
    reviewers: ["@acme/security"]
  - name: database
    paths: ["supabase/migrations/**"]
    required-checks: ["validate-migration"]

approvals:
  standard: 0
  normal: 1
  emergency: 0
  invalidate-on-push: true
  ignore-base-updates: true
  allow-self-approval: false
  count-bots: false
  auto-merge: [standard]

deploy:
  branches: [main]
  required-checks: ["test", "build"]
  allow-direct-push: false
  freezes:
    - name: year-end
      from: "2026-12-20T00:00:00+01:00"
      to: "2027-01-04T00:00:00+01:00"
      allow: [emergency]
    - name: weekends
      days: [sat, sun]
      timezone: Europe/Paris
      allow: [emergency, standard]

change-request:
  required: [normal]
  sections: ["Justification", "Impact assessment"]
  labels: []
  documented-in: issue

emergency:
  review-within-hours: 24
  reviewers: ["@acme/security"]
  labels: [post-deployment-review]
  escalate-to: ["@acme/leads"]

migrations:
  path: supabase/migrations
  rules: {}
`

export function policyFrom(text: string, options: { knownMigrationRules?: string[] } = {}): Policy {
  const result = parsePolicy(text, { path: POLICY_PATH, ...options })
  if (!result.ok) throw new Error(`expected a valid policy, got:\n${result.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n')}`)
  return result.policy
}

export function problemsFrom(text: string, options: { knownMigrationRules?: string[] } = {}): Problem[] {
  const result = parsePolicy(text, { path: POLICY_PATH, ...options })
  if (result.ok) throw new Error('expected problems, but the policy is valid')
  return result.problems
}

/** A pull request by a human with write access, touching nothing, labelled nothing. */
export function factsWith(overrides: Partial<ClassificationFacts> = {}): ClassificationFacts {
  return {
    files: [],
    labels: [],
    headBranch: 'feature/x',
    author: 'alice',
    authorIsBot: false,
    dependencyUpdates: null,
    permissions: { alice: 'write' },
    teamMembers: {},
    ...overrides
  }
}

export function modified(...paths: string[]): ClassificationFacts['files'] {
  return paths.map((path) => ({ path, status: 'modified' as const }))
}
