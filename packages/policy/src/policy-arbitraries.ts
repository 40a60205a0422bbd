// fast-check generators of valid policy files and of changed files, for property tests.
import fc from 'fast-check'
import { dump } from 'js-yaml'
import type { ChangedFile } from './classification-types'

export const SAMPLE_GLOBS = ['docs/**', '**/*.md', 'src/**', '**/*.ts', 'supabase/migrations/**', '.github/**', '*.json', 'lib/*/index.ts', '**/secret/**', '{a,b}/**', 'fly.toml', '**', 'src/[ab]*/**', '**/.env*']
const SEGMENTS = ['docs', 'src', 'lib', 'a', 'b', 'supabase', 'migrations', '.github', 'workflows', 'secret', 'x', 'abc']
const NAMES = ['README.md', 'index.ts', 'main.ts', 'package.json', 'fly.toml', '.env', '.env.local', '001_init.sql', 'notes.txt', 'guide.md']

export const repoPath = fc
  .tuple(fc.array(fc.constantFrom(...SEGMENTS), { maxLength: 4 }), fc.constantFrom(...NAMES))
  .map(([folders, name]) => [...folders, name].join('/'))

export const changedFile: fc.Arbitrary<ChangedFile> = fc.oneof(
  repoPath.map((path): ChangedFile => ({ path, status: 'modified' })),
  repoPath.map((path): ChangedFile => ({ path, status: 'added' })),
  fc.tuple(repoPath, repoPath).map(([path, previousPath]): ChangedFile => ({ path, previousPath, status: 'renamed' }))
)

const globs = fc.uniqueArray(fc.constantFrom(...SAMPLE_GLOBS), { minLength: 1, maxLength: 4 })
const principals = fc.uniqueArray(fc.constantFrom('alice', 'bob', '@acme/oncall', '@acme/security'), { maxLength: 3 })
const changeTypes = fc.subarray(['standard', 'normal', 'emergency'])

const control = (name: string) =>
  fc.record(
    { name: fc.constant(name), paths: globs, approvals: fc.nat(3), reviewers: principals, 'required-checks': fc.subarray(['test', 'lint', 'validate-migration']) },
    { requiredKeys: ['name', 'paths'] }
  )

/** A policy file's content as an object: any subset of sections, every value valid. */
export const policyDocument = fc.record(
  {
    version: fc.constant(1),
    classification: fc.record(
      {
        emergency: fc.record({ labels: fc.subarray(['emergency', 'incident', 'sev1']), 'head-branches': fc.subarray(['hotfix/**', 'incident/*']), 'declared-by': principals }, { requiredKeys: [] }),
        standard: fc.record({ paths: fc.uniqueArray(fc.constantFrom(...SAMPLE_GLOBS), { maxLength: 4 }), 'dependency-updates': fc.subarray(['patch', 'minor', 'major']), 'dependency-bots': fc.subarray(['dependabot[bot]', 'renovate[bot]']) }, { requiredKeys: [] })
      },
      { requiredKeys: [] }
    ),
    controls: fc.uniqueArray(fc.constantFrom('db', 'infra', 'secrets', 'api', 'payments', 'auth'), { maxLength: 6 }).chain((names) => fc.tuple(...names.map(control))),
    approvals: fc.record({ standard: fc.nat(2), normal: fc.nat(3), emergency: fc.nat(2), 'count-bots': fc.boolean(), 'auto-merge': changeTypes }, { requiredKeys: [] }),
    deploy: fc.record({ branches: fc.subarray(['main', 'release/*']), 'allow-direct-push': fc.boolean() }, { requiredKeys: [] }),
    'change-request': fc.record({ required: changeTypes, 'documented-in': fc.constantFrom('issue', 'pull-request', 'either') }, { requiredKeys: [] }),
    emergency: fc.record({ 'review-within-hours': fc.integer({ min: 1, max: 72 }), reviewers: principals }, { requiredKeys: [] })
  },
  { requiredKeys: ['version'] }
)

export const policyYaml = policyDocument.map((document) => dump(document))
