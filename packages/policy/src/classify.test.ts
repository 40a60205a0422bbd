import { MAX_FILES_KEPT_PER_CONTROL, classify } from './classify'
import type { DependencyUpdate } from './classification-types'
import { compilePolicy } from './compiled-policy'
import { defaultPolicy } from './defaults'
import { CONTRACT_POLICY_YAML, factsWith, modified, policyFrom } from './policy-fixtures'

const contract = policyFrom(CONTRACT_POLICY_YAML)
const openPolicy = policyFrom('version: 1\n') // declared-by empty: anyone with write access

const patch = (name: string, from: string, to: string): DependencyUpdate => ({ name, from, to, level: 'patch' })

describe('standard by paths', () => {
  test('a change to documentation only is standard', () => {
    const result = classify(factsWith({ files: modified('docs/guide.md', 'README.md', 'docs/img/a.png') }), contract)
    expect(result.changeType).toBe('standard')
    expect(result.standardPaths).toEqual({ matched: 3, total: 3, firstOutside: null })
    expect(result.reasons).toContain('All 3 changed files match the standard paths (docs/**, **/*.md).')
    expect(result.requiredApprovals).toBe(0)
  })

  test('a pull request that changes no files is not standard', () => {
    const result = classify(factsWith({ files: [] }), contract)
    expect(result.changeType).toBe('normal')
    expect(result.reasons[0]).toBe('Not standard by paths: the pull request changes no files.')
  })

  test('one file outside the standard paths makes it normal, and the reason names it', () => {
    const result = classify(factsWith({ files: modified('docs/a.md', 'src/app.ts', 'src/b.ts') }), contract)
    expect(result.changeType).toBe('normal')
    expect(result.standardPaths).toEqual({ matched: 1, total: 3, firstOutside: { path: 'src/app.ts' } })
    expect(result.reasons[0]).toBe("Not standard by paths: 'src/app.ts' is outside the standard paths (docs/**, **/*.md); 1 of 3 files match.")
    expect(result.requirements).toEqual([{ source: 'change-type', name: 'normal', approvals: 1, reviewers: [] }])
    expect(result.requiredApprovals).toBe(1)
  })

  test('a file renamed from code into docs is not standard', () => {
    const result = classify(factsWith({ files: [{ path: 'docs/old-script.md', previousPath: 'src/script.ts', status: 'renamed' }] }), contract)
    expect(result.changeType).toBe('normal')
    expect(result.standardPaths.firstOutside).toEqual({ path: 'docs/old-script.md', previousPath: 'src/script.ts' })
    expect(result.reasons[0]).toMatch(/renamed from 'src\/script.ts'; both paths must match/)
  })

  test('a file renamed from docs into code is not standard', () => {
    const result = classify(factsWith({ files: [{ path: 'src/notes.ts', previousPath: 'docs/notes.md', status: 'renamed' }] }), contract)
    expect(result.changeType).toBe('normal')
  })

  test('a rename within the standard paths stays standard', () => {
    const result = classify(factsWith({ files: [{ path: 'docs/new.md', previousPath: 'docs/old.md', status: 'renamed' }] }), contract)
    expect(result.changeType).toBe('standard')
  })
})

describe('controls', () => {
  test('a control matches by path and adds its own requirement', () => {
    const result = classify(factsWith({ files: modified('src/app.ts', 'apps/web/.env.production') }), contract)
    expect(result.changeType).toBe('normal')
    expect(result.controls).toEqual([
      { name: 'secrets-and-config', files: [{ path: 'apps/web/.env.production' }], fileCount: 1, approvals: 2, reviewers: ['@acme/security'], requiredChecks: [], builtIn: false }
    ])
    expect(result.requirements).toEqual([
      { source: 'change-type', name: 'normal', approvals: 1, reviewers: [] },
      { source: 'control', name: 'secrets-and-config', approvals: 2, reviewers: ['@acme/security'] }
    ])
    expect(result.requiredApprovals).toBe(2)
    expect(result.reasons).toContain("Control 'secrets-and-config' applies: 'apps/web/.env.production' matches '**/.env*', needs 2 approvals from @acme/security.")
  })

  test('a control keeps a standard change from being standard', () => {
    const result = classify(factsWith({ files: modified('docs/a.md', 'supabase/migrations/README.md') }), contract)
    expect(result.standardPaths.matched).toBe(2)
    expect(result.changeType).toBe('normal')
    expect(result.controls.map((c) => c.name)).toEqual(['database'])
    expect(result.controls[0]?.requiredChecks).toEqual(['validate-migration'])
    expect(result.reasons.at(-1)).toBe("Classified as normal: it would be standard, but control 'database' applies.")
  })

  test('a file renamed out of a controlled path still matches the control', () => {
    const result = classify(factsWith({ files: [{ path: 'archive/001.sql', previousPath: 'supabase/migrations/001.sql', status: 'renamed' }] }), contract)
    expect(result.controls.map((c) => c.name)).toEqual(['database'])
    expect(result.reasons).toContain("Control 'database' applies: 'supabase/migrations/001.sql' (the old path of 'archive/001.sql') matches 'supabase/migrations/**', needs checks validate-migration.")
  })

  test('a file renamed into a controlled path matches the control', () => {
    const result = classify(factsWith({ files: [{ path: 'supabase/migrations/002.sql', previousPath: 'drafts/002.sql', status: 'renamed' }] }), contract)
    expect(result.controls.map((c) => c.name)).toEqual(['database'])
  })

  test('a control keeps the first files by name and counts them all', () => {
    const files = modified(...Array.from({ length: 120 }, (_, i) => `supabase/migrations/${String(i).padStart(3, '0')}.sql`))
    const [database] = classify(factsWith({ files }), contract).controls
    expect(database?.files).toHaveLength(MAX_FILES_KEPT_PER_CONTROL)
    expect(database?.fileCount).toBe(120)
    expect(database?.files[0]).toEqual({ path: 'supabase/migrations/000.sql' })
  })

  test('editing the policy file always needs an approval, even where docs are standard', () => {
    const policy = policyFrom('version: 1\nclassification:\n  standard:\n    paths: ["**"]\n')
    const result = classify(factsWith({ files: modified('.github/change-policy.yml') }), policy)
    expect(result.changeType).toBe('normal')
    expect(result.controls).toEqual([{ name: 'policy-file', files: [{ path: '.github/change-policy.yml' }], fileCount: 1, approvals: 1, reviewers: [], requiredChecks: [], builtIn: true }])
  })

  test('editing a workflow always needs an approval', () => {
    const result = classify(factsWith({ files: modified('.github/workflows/README.md') }), contract)
    expect(result.changeType).toBe('normal')
    expect(result.controls.map((c) => [c.name, c.builtIn])).toEqual([['workflows', true]])
  })

  test('the policy-file control follows the policy\'s own path', () => {
    const policy = defaultPolicy('config/policy.yml')
    expect(classify(factsWith({ files: modified('config/policy.yml') }), policy).controls.map((c) => c.name)).toEqual(['policy-file'])
    expect(classify(factsWith({ files: modified('.github/change-policy.yml') }), policy).controls).toEqual([])
  })

  test('requirements add up: one per matched control, plus the change type\'s', () => {
    const result = classify(factsWith({ files: modified('fly.toml', 'supabase/migrations/1.sql', '.github/workflows/ci.yml') }), contract)
    expect(result.requirements.map((r) => [r.source, r.name, r.approvals])).toEqual([
      ['change-type', 'normal', 1],
      ['control', 'secrets-and-config', 2],
      ['control', 'database', 0],
      ['control', 'workflows', 1]
    ])
    expect(result.requiredApprovals).toBe(2)
  })
})

describe('emergency', () => {
  const oncall = { '@acme/oncall': ['dave', 'Erin'] }

  test('a label added by a user listed in declared-by', () => {
    const policy = policyFrom('version: 1\nclassification:\n  emergency:\n    declared-by: [dave]\n')
    const result = classify(factsWith({ files: modified('src/a.ts'), labels: [{ name: 'emergency', addedBy: 'Dave' }] }), policy)
    expect(result.changeType).toBe('emergency')
    expect(result.emergency).toEqual({ by: 'label', value: 'emergency', actor: 'Dave' })
    expect(result.reasons[0]).toBe("Emergency: label 'emergency' was added by Dave, who is listed in declared-by.")
  })

  test('a label added by a member of a team in declared-by', () => {
    const result = classify(factsWith({ files: modified('src/a.ts'), labels: [{ name: 'Emergency', addedBy: 'erin' }], teamMembers: oncall }), contract)
    expect(result.changeType).toBe('emergency')
    expect(result.reasons[0]).toBe("Emergency: label 'Emergency' was added by erin, a member of @acme/oncall (declared-by).")
    expect(result.requirements[0]).toEqual({ source: 'change-type', name: 'emergency', approvals: 0, reviewers: [] })
  })

  test('a label added by someone outside declared-by does not count', () => {
    const result = classify(factsWith({ files: modified('src/a.ts'), labels: [{ name: 'emergency', addedBy: 'carol' }], teamMembers: oncall }), contract)
    expect(result.changeType).toBe('normal')
    expect(result.emergency).toBeNull()
    expect(result.reasons[0]).toBe("Label 'emergency' was added by carol, who is not in declared-by (@acme/oncall); classified as normal.")
  })

  test('when declared-by\'s team cannot be read, nobody in it is trusted', () => {
    const result = classify(factsWith({ files: modified('src/a.ts'), labels: [{ name: 'emergency', addedBy: 'dave' }] }), contract)
    expect(result.changeType).toBe('normal')
    expect(result.reasons[0]).toMatch(/the members of @acme\/oncall are unknown/)
  })

  test('with declared-by empty, anyone with write access may declare', () => {
    const result = classify(factsWith({ files: modified('src/a.ts'), labels: [{ name: 'emergency', addedBy: 'bob' }], permissions: { bob: 'write' } }), openPolicy)
    expect(result.changeType).toBe('emergency')
    expect(result.reasons[0]).toBe("Emergency: label 'emergency' was added by bob, who has write access.")
  })

  test('with declared-by empty, read or triage access is not enough', () => {
    const result = classify(factsWith({ files: modified('docs/a.md'), labels: [{ name: 'emergency', addedBy: 'bob' }], permissions: { bob: 'triage' } }), openPolicy)
    expect(result.changeType).toBe('standard')
    expect(result.reasons[0]).toBe("Label 'emergency' was added by bob, who has only triage access (declaring an emergency needs write access); classified as standard.")
  })

  test('an adder whose permission is unknown does not count', () => {
    const result = classify(factsWith({ files: modified('src/a.ts'), labels: [{ name: 'emergency', addedBy: 'bob' }], permissions: {} }), openPolicy)
    expect(result.changeType).toBe('normal')
    expect(result.reasons[0]).toMatch(/bob, whose permission on the repository is unknown/)
  })

  test('a label whose adder is unknown does not count', () => {
    const result = classify(factsWith({ files: modified('src/a.ts'), labels: [{ name: 'emergency' }], permissions: { alice: 'admin' } }), openPolicy)
    expect(result.changeType).toBe('normal')
    expect(result.reasons[0]).toBe("Label 'emergency' is on the pull request, but who added it is unknown, so it cannot declare an emergency; classified as normal.")
  })

  test('a head branch matching head-branches, opened by someone allowed', () => {
    const result = classify(factsWith({ files: modified('src/a.ts'), headBranch: 'hotfix/login', author: 'dave', teamMembers: oncall }), contract)
    expect(result.changeType).toBe('emergency')
    expect(result.emergency).toEqual({ by: 'head-branch', value: 'hotfix/login', actor: 'dave' })
    expect(result.reasons[0]).toBe("Emergency: head branch 'hotfix/login' matches 'hotfix/**' and was opened by dave, a member of @acme/oncall (declared-by).")
  })

  test('a head branch matching head-branches, opened by someone not allowed, is not an emergency', () => {
    const result = classify(factsWith({ files: modified('src/a.ts'), headBranch: 'hotfix/login', author: 'mallory', teamMembers: oncall }), contract)
    expect(result.changeType).toBe('normal')
    expect(result.reasons[0]).toBe("Head branch 'hotfix/login' matches 'hotfix/**', but the pull request was opened by mallory, who is not in declared-by (@acme/oncall); classified as normal.")
  })

  test('an emergency keeps the requirements of the controls it touches', () => {
    const result = classify(factsWith({ files: modified('fly.toml'), labels: [{ name: 'emergency', addedBy: 'dave' }], teamMembers: oncall }), contract)
    expect(result.changeType).toBe('emergency')
    expect(result.requirements.map((r) => [r.name, r.approvals])).toEqual([['emergency', 0], ['secrets-and-config', 2]])
    expect(result.requiredApprovals).toBe(2)
  })

  test('an emergency overrides standard', () => {
    const result = classify(factsWith({ files: modified('docs/a.md'), labels: [{ name: 'emergency', addedBy: 'dave' }], teamMembers: oncall }), contract)
    expect(result.changeType).toBe('emergency')
  })
})

describe('standard by dependency updates', () => {
  const bot = { author: 'dependabot[bot]', authorIsBot: true, files: modified('package.json', 'pnpm-lock.yaml') }

  test('a bot\'s patch updates are standard', () => {
    const result = classify(factsWith({ ...bot, dependencyUpdates: [patch('lodash', '4.17.20', '4.17.21')] }), contract)
    expect(result.changeType).toBe('standard')
    expect(result.dependencyRule).toEqual({ applies: true, reason: 'Dependency update by dependabot[bot], every bump within patch: lodash 4.17.20 → 4.17.21 (patch).' })
  })

  test('a minor update is not standard when only patches are pre-approved', () => {
    const updates: DependencyUpdate[] = [patch('lodash', '4.17.20', '4.17.21'), { name: 'react', from: '18.2.0', to: '18.3.0', level: 'minor' }]
    const result = classify(factsWith({ ...bot, dependencyUpdates: updates }), contract)
    expect(result.changeType).toBe('normal')
    expect(result.dependencyRule?.reason).toBe('Not standard as a dependency update: react 18.2.0 → 18.3.0 is a minor update; the policy pre-approves patch updates.')
  })

  test('an update of unknown size is never standard', () => {
    const result = classify(factsWith({ ...bot, dependencyUpdates: [{ name: 'actions/checkout', from: 'abc1234', to: 'def5678', level: 'unknown' }] }), policyFrom('version: 1\nclassification:\n  standard:\n    dependency-updates: [patch, minor, major]\n'))
    expect(result.changeType).toBe('normal')
    expect(result.dependencyRule?.reason).toMatch(/size of the actions\/checkout update .* cannot be told/)
  })

  test('the same updates from a human are not standard', () => {
    const result = classify(factsWith({ files: modified('package.json'), dependencyUpdates: [patch('lodash', '4.17.20', '4.17.21')] }), contract)
    expect(result.changeType).toBe('normal')
    expect(result.dependencyRule?.reason).toBe('Not standard as a dependency update: the author alice is not one of the dependency bots (dependabot[bot], renovate[bot]).')
  })

  test('a bot\'s pull request with no readable updates is not standard', () => {
    for (const dependencyUpdates of [null, []]) {
      const result = classify(factsWith({ ...bot, dependencyUpdates }), contract)
      expect(result.changeType).toBe('normal')
      expect(result.dependencyRule?.reason).toMatch(/no dependency update could be read/)
    }
  })

  test('a commit pushed by someone else onto the bot\'s branch cancels the pre-approval', () => {
    const result = classify(factsWith({ ...bot, dependencyUpdates: [patch('lodash', '4.17.20', '4.17.21')], commitAuthors: ['dependabot[bot]', 'mallory'] }), contract)
    expect(result.changeType).toBe('normal')
    expect(result.dependencyRule?.reason).toMatch(/a commit on the branch is by mallory/)
  })

  test('a bot update that touches a controlled path is normal', () => {
    const result = classify(factsWith({ ...bot, files: modified('.github/workflows/ci.yml'), dependencyUpdates: [patch('actions/checkout', '4.1.0', '4.1.1')] }), contract)
    expect(result.changeType).toBe('normal')
    expect(result.controls.map((c) => c.name)).toEqual(['workflows'])
  })

  test('a pull request unrelated to dependencies says nothing about them', () => {
    expect(classify(factsWith({ files: modified('src/a.ts') }), contract).dependencyRule).toBeNull()
  })
})

describe('compiled policies', () => {
  test('a policy is compiled once and reused', () => {
    const policy = policyFrom('version: 1\n')
    expect(compilePolicy(policy)).toBe(compilePolicy(policy))
    expect(compilePolicy(policyFrom('version: 1\n'))).not.toBe(compilePolicy(policy))
  })

  test('the result reports how many files there were', () => {
    expect(classify(factsWith({ files: modified('a', 'b', 'c') }), contract).filesCount).toBe(3)
  })
})
