import { defaultPolicy } from './defaults'
import { parsePolicy } from './parse-policy'
import { CONTRACT_POLICY_YAML, POLICY_PATH, policyFrom, problemsFrom } from './policy-fixtures'
import type { Problem } from './types'

/** The one problem a file has, checked to be the only one. */
function theProblem(text: string, options: { knownMigrationRules?: string[] } = {}): Problem {
  const problems = problemsFrom(text, options)
  expect(problems.map((p) => p.message)).toHaveLength(1)
  return problems[0] as Problem
}

function at(problem: Problem): [number | undefined, number | undefined] {
  return [problem.line, problem.column]
}

describe('a valid policy file', () => {
  test('the contract\'s example reads as written', () => {
    const result = parsePolicy(CONTRACT_POLICY_YAML, { path: POLICY_PATH })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const { policy, warnings } = result
    expect(warnings).toEqual([])
    expect(policy.classification.emergency).toEqual({ labels: ['emergency'], headBranches: ['hotfix/**'], declaredBy: ['@acme/oncall'] })
    expect(policy.controls.map((c) => [c.name, c.approvals, c.reviewers, c.requiredChecks, c.builtIn])).toEqual([
      ['secrets-and-config', 2, ['@acme/security'], [], false],
      ['database', 0, [], ['validate-migration'], false],
      ['policy-file', 1, [], [], true],
      ['workflows', 1, [], [], true]
    ])
    expect(policy.deploy.freezes).toEqual([
      { name: 'year-end', from: '2026-12-20T00:00:00+01:00', to: '2027-01-04T00:00:00+01:00', timezone: 'UTC', allow: ['emergency'] },
      { name: 'weekends', days: ['sat', 'sun'], timezone: 'Europe/Paris', allow: ['emergency', 'standard'] }
    ])
    expect(policy.changeRequest).toEqual({ required: ['normal'], sections: ['Justification', 'Impact assessment'], labels: [], documentedIn: 'issue' })
    expect(policy.emergency).toEqual({ reviewWithinHours: 24, reviewers: ['@acme/security'], labels: ['post-deployment-review'], escalateTo: ['@acme/leads'] })
  })

  test('a file with only a version gets every default', () => {
    expect(policyFrom('version: 1\n')).toEqual(defaultPolicy(POLICY_PATH))
  })

  test('the defaults are the contract\'s values without team names or freezes', () => {
    const policy = defaultPolicy()
    expect(policy.classification.emergency).toEqual({ labels: ['emergency'], headBranches: ['hotfix/**'], declaredBy: [] })
    expect(policy.classification.standard).toEqual({ paths: ['docs/**', '**/*.md'], dependencyUpdates: ['patch'], dependencyBots: ['dependabot[bot]', 'renovate[bot]'] })
    expect(policy.controls.find((c) => c.name === 'secrets-and-config')).toMatchObject({ approvals: 2, reviewers: [] })
    expect(policy.controls.find((c) => c.name === 'database')).toMatchObject({ paths: ['supabase/migrations/**'], requiredChecks: ['validate-migration'] })
    expect(policy.approvals).toEqual({ standard: 0, normal: 1, emergency: 0, invalidateOnPush: true, ignoreBaseUpdates: true, allowSelfApproval: false, countBots: false, autoMerge: ['standard'] })
    expect(policy.deploy).toEqual({ branches: ['main'], environments: ['production'], requiredChecks: ['test', 'build'], checkApps: {}, allowDirectPush: false, freezes: [] })
    expect(policy.changeRequest).toEqual({ required: [], sections: ['Justification', 'Impact assessment'], labels: [], documentedIn: 'issue' })
    expect(policy.emergency).toEqual({ reviewWithinHours: 24, reviewers: [], labels: ['post-deployment-review'], escalateTo: [] })
    expect(policy.migrations).toEqual({ path: 'supabase/migrations', rules: {} })
  })

  test('a key present in a section overrides only that key', () => {
    const policy = policyFrom('version: 1\napprovals:\n  normal: 2\nclassification:\n  standard:\n    paths: [docs/**]\n')
    expect(policy.approvals).toEqual({ ...defaultPolicy().approvals, normal: 2 })
    expect(policy.classification.standard).toEqual({ ...defaultPolicy().classification.standard, paths: ['docs/**'] })
    expect(policy.classification.emergency).toEqual(defaultPolicy().classification.emergency)
  })

  test('written controls replace the default controls; the built-in ones always follow', () => {
    const policy = policyFrom('version: 1\ncontrols:\n  - name: infra\n    paths: ["infra/**"]\n')
    expect(policy.controls.map((c) => c.name)).toEqual(['infra', 'policy-file', 'workflows'])
    expect(policyFrom('version: 1\ncontrols: []\n').controls.map((c) => c.name)).toEqual(['policy-file', 'workflows'])
  })

  test('the policy-file control covers exactly the policy\'s own path', () => {
    const result = parsePolicy('version: 1\n', { path: 'config/[prod]/policy.yml' })
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.policy.controls.find((c) => c.name === 'policy-file')?.paths).toEqual(['config/\\[prod\\]/policy.yml'])
    expect(policyFrom('version: 1\n').controls.find((c) => c.name === 'policy-file')?.paths).toEqual([POLICY_PATH])
  })

  test('an empty section is a warning and keeps its defaults', () => {
    const result = parsePolicy('version: 1\napprovals:\n', { path: POLICY_PATH })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.policy.approvals).toEqual(defaultPolicy().approvals)
    expect(result.warnings.map(at)).toEqual([[2, 1]])
  })

  test('reviewers on a control that needs no approval is a warning', () => {
    const result = parsePolicy('version: 1\ncontrols:\n  - name: infra\n    paths: [infra/**]\n    reviewers: [bob]\n', { path: POLICY_PATH })
    expect(result.ok && result.warnings.map(at)).toEqual([[5, 16]])
  })

  test('headings written with # marks are accepted', () => {
    expect(policyFrom('version: 1\nchange-request:\n  sections: ["## Risk"]\n').changeRequest.sections).toEqual(['## Risk'])
  })

  test('anchors and aliases are followed', () => {
    const policy = policyFrom('version: 1\nemergency:\n  reviewers: &security ["@acme/security"]\n  escalate-to: *security\n')
    expect(policy.emergency.escalateTo).toEqual(['@acme/security'])
  })
})

describe('problems in the file, each with its line and column', () => {
  test('malformed YAML', () => {
    const problem = theProblem('version: 1\napprovals: [normal\nother: x\n')
    expect(problem.message).toMatch(/not valid YAML/)
    expect(problem.file).toBe(POLICY_PATH)
    expect(at(problem)).toEqual([3, 1])
  })

  test('an empty file', () => {
    expect(at(theProblem(''))).toEqual([1, 1])
    expect(theProblem('# just a comment\n').message).toMatch(/empty/)
  })

  test('a file that is not a mapping', () => {
    const problem = theProblem('- version: 1\n')
    expect(problem.message).toMatch(/must be a mapping/)
    expect(at(problem)).toEqual([1, 1])
  })

  test('a missing version', () => {
    const problem = theProblem('approvals:\n  normal: 1\n')
    expect(problem.message).toMatch(/no `version`/)
    expect(problem.fix).toMatch(/version: 1/)
    expect(at(problem)).toEqual([1, 1])
  })

  test('an unsupported version', () => {
    const problem = theProblem('version: 2\n')
    expect(problem.message).toMatch(/version 2 is not supported/)
    expect(at(problem)).toEqual([1, 10])
  })

  test('a version written as text', () => {
    const problem = theProblem('version: "1"\n')
    expect(problem.fix).toMatch(/without quotes/)
    expect(at(problem)).toEqual([1, 10])
  })

  test('an unknown key, with the nearest known key suggested', () => {
    const problem = theProblem('version: 1\naprovals:\n  normal: 1\n')
    expect(problem.message).toBe('Unknown key `aprovals` in the policy file.')
    expect(problem.fix).toBe('Did you mean `approvals`?')
    expect(at(problem)).toEqual([2, 1])
  })

  test('an unknown nested key, written in another style', () => {
    const problem = theProblem('version: 1\nclassification:\n  emergency:\n    head_branches: [x]\n')
    expect(problem.fix).toBe('Did you mean `head-branches`?')
    expect(at(problem)).toEqual([4, 5])
  })

  test('a key at the wrong level says where it belongs', () => {
    const problem = theProblem('version: 1\nfreezes: []\n')
    expect(problem.fix).toMatch(/belongs under `deploy`/)
    expect(at(problem)).toEqual([2, 1])
  })

  test('a key set twice', () => {
    const problem = theProblem('version: 1\napprovals:\n  normal: 1\n  normal: 2\n')
    expect(problem.message).toMatch(/`approvals.normal` is set more than once/)
    expect(at(problem)).toEqual([4, 3])
  })

  test('a list written as a single value', () => {
    const problem = theProblem('version: 1\ndeploy:\n  branches: main\n')
    expect(problem.message).toMatch(/`deploy.branches` must be a list/)
    expect(problem.fix).toMatch(/branches: \[main\]/)
    expect(at(problem)).toEqual([3, 13])
  })

  test('a boolean written as text', () => {
    const problem = theProblem('version: 1\napprovals:\n  count-bots: yes\n')
    expect(problem.message).toMatch(/true or false/)
    expect(at(problem)).toEqual([3, 15])
  })

  test('a negative count', () => {
    const problem = theProblem('version: 1\napprovals:\n  normal: -1\n')
    expect(problem.message).toMatch(/-1, but it must be zero or more/)
    expect(at(problem)).toEqual([3, 11])
  })

  test('a count that is not a whole number', () => {
    expect(at(theProblem('version: 1\napprovals:\n  normal: 1.5\n'))).toEqual([3, 11])
    expect(theProblem('version: 1\napprovals:\n  normal: "2"\n').fix).toMatch(/without quotes/)
  })

  test('zero hours to review an emergency', () => {
    const problem = theProblem('version: 1\nemergency:\n  review-within-hours: 0\n')
    expect(problem.message).toMatch(/at least 1/)
    expect(at(problem)).toEqual([3, 24])
  })

  test('an unknown change type', () => {
    const problem = theProblem('version: 1\napprovals:\n  auto-merge: [standard, normall]\n')
    expect(problem.message).toMatch(/`normall` is not a known change type/)
    expect(problem.fix).toMatch(/Did you mean `normal`\?/)
    expect(at(problem)).toEqual([3, 26])
  })

  test('a bad semver level', () => {
    const problem = theProblem('version: 1\nclassification:\n  standard:\n    dependency-updates: [patches]\n')
    expect(problem.fix).toMatch(/Did you mean `patch`\?/)
    expect(at(problem)).toEqual([4, 26])
  })

  test('two controls with the same name', () => {
    const problem = theProblem('version: 1\ncontrols:\n  - name: db\n    paths: [a/**]\n  - name: DB\n    paths: [b/**]\n')
    expect(problem.message).toMatch(/Two controls are named `DB`/)
    expect(at(problem)).toEqual([5, 11])
  })

  test('a control named like a built-in one', () => {
    const problem = theProblem('version: 1\ncontrols:\n  - name: workflows\n    paths: [a/**]\n')
    expect(problem.message).toMatch(/built-in/)
    expect(at(problem)).toEqual([3, 11])
  })

  test('a control without name or paths', () => {
    const problems = problemsFrom('version: 1\ncontrols:\n  - approvals: 1\n')
    expect(problems.map((p) => p.message)).toEqual(['`controls[0]` has no `name`.', '`controls[0]` has no `paths`.'])
    expect(problems.map(at)).toEqual([[3, 5], [3, 5]])
  })

  test.each([
    ['""', /is empty/],
    ['"/docs/**"', /starts with `\/`/],
    ['"./docs/**"', /starts with `\.\/`/],
    ['"docs\\\\*.md"', /contains `\\`/],
    ['"docs/../src/**"', /`\.\.` segment/],
    ['"docs/"', /ends with `\/`/],
    ['"!docs/**"', /negated/],
    ['"{1..1000}/x"', /expands to 1000 patterns/]
  ])('a glob that cannot match: %s', (glob, message) => {
    const problem = theProblem(`version: 1\nclassification:\n  standard:\n    paths: [${glob}]\n`)
    expect(problem.message).toMatch(message)
    expect(at(problem)).toEqual([4, 13])
  })

  test('a head-branch glob is checked like a path glob', () => {
    expect(at(theProblem('version: 1\nclassification:\n  emergency:\n    head-branches: ["/hotfix/**"]\n'))).toEqual([4, 21])
  })

  test.each([
    ['"@acme"', /is not a team/],
    ['"@acme/"', /not a valid team name/],
    ['"acme/security"', /team without its `@`/],
    ['"al ice"', /not a valid GitHub login/]
  ])('a bad team or user name: %s', (name, message) => {
    const problem = theProblem(`version: 1\nemergency:\n  reviewers: [${name}]\n`)
    expect(problem.message).toMatch(message)
    expect(at(problem)).toEqual([3, 15])
  })

  test('a team among the dependency bots', () => {
    const problem = theProblem('version: 1\nclassification:\n  standard:\n    dependency-bots: ["@acme/bots"]\n')
    expect(problem.message).toMatch(/single account/)
    expect(at(problem)).toEqual([4, 23])
  })

  test('an invalid date', () => {
    const problem = theProblem('version: 1\ndeploy:\n  freezes:\n    - name: f\n      from: "2026-02-30T00:00:00Z"\n      to: "2026-03-30T00:00:00Z"\n')
    expect(problem.message).toMatch(/not a valid date and time/)
    expect(at(problem)).toEqual([5, 13])
  })

  test('a date without a UTC offset', () => {
    const problem = theProblem('version: 1\ndeploy:\n  freezes:\n    - name: f\n      from: 2026-02-01\n      to: "2026-03-30T00:00:00Z"\n')
    expect(problem.message).toMatch(/UTC offset/)
    expect(at(problem)).toEqual([5, 13])
  })

  test('`from` after `to`', () => {
    const problem = theProblem('version: 1\ndeploy:\n  freezes:\n    - name: f\n      from: "2026-03-01T00:00:00+01:00"\n      to: "2026-03-01T00:00:00+02:00"\n')
    expect(problem.message).toMatch(/is not before `to`/)
    expect(at(problem)).toEqual([5, 13])
  })

  test('`from` without `to`', () => {
    const problem = theProblem('version: 1\ndeploy:\n  freezes:\n    - name: f\n      from: "2026-03-01T00:00:00Z"\n')
    expect(problem.message).toMatch(/has `from` but no `to`/)
    expect(at(problem)).toEqual([5, 7])
  })

  test('a freeze with neither a window nor days', () => {
    const problem = theProblem('version: 1\ndeploy:\n  freezes:\n    - name: f\n      allow: [emergency]\n')
    expect(problem.message).toMatch(/neither when/)
    expect(at(problem)).toEqual([4, 7])
  })

  test('an unknown weekday', () => {
    const problem = theProblem('version: 1\ndeploy:\n  freezes:\n    - name: f\n      days: [fri, saturday]\n')
    expect(problem.fix).toMatch(/Did you mean `sat`\?/)
    expect(at(problem)).toEqual([5, 19])
  })

  test('an invalid IANA timezone', () => {
    const problem = theProblem('version: 1\ndeploy:\n  freezes:\n    - name: f\n      days: [sat]\n      timezone: Europe/Pariss\n')
    expect(problem.message).toMatch(/not a known IANA time zone/)
    expect(at(problem)).toEqual([6, 17])
  })

  test('an unknown rule severity', () => {
    const problem = theProblem('version: 1\nmigrations:\n  rules:\n    ban-drop-column: fatal\n')
    expect(problem.message).toMatch(/`fatal` is not a known rule severity/)
    expect(at(problem)).toEqual([4, 22])
  })

  test('an unknown migration rule, when the rules are known', () => {
    const problem = theProblem('version: 1\nmigrations:\n  rules:\n    ban-drop-colum: error\n', { knownMigrationRules: ['ban-drop-column'] })
    expect(problem.fix).toBe('Did you mean `ban-drop-column`?')
    expect(at(problem)).toEqual([4, 5])
  })

  test('a migrations path outside the repository', () => {
    const problem = theProblem('version: 1\nmigrations:\n  path: ../db\n')
    expect(problem.message).toMatch(/`\.\.` segment/)
    expect(at(problem)).toEqual([3, 9])
  })

  test('documented-in that is not issue, pull-request or either', () => {
    const problem = theProblem('version: 1\nchange-request:\n  documented-in: wiki\n')
    expect(problem.fix).toMatch(/`issue`, `pull-request`, `either`/)
    expect(at(problem)).toEqual([3, 18])
  })

  test('an empty section heading', () => {
    const problem = theProblem('version: 1\nchange-request:\n  sections: ["Risk", "##"]\n')
    expect(problem.message).toMatch(/empty heading/)
    expect(at(problem)).toEqual([3, 22])
  })

  test('a heading listed twice', () => {
    const problem = theProblem('version: 1\nchange-request:\n  sections: ["Risk", "## risk"]\n')
    expect(problem.message).toMatch(/listed twice/)
    expect(at(problem)).toEqual([3, 22])
  })

  test('a heading listed twice as the Markdown reader sees it: punctuation and emphasis aside', () => {
    const problem = theProblem('version: 1\nchange-request:\n  sections: ["Justification", "**Justification:**"]\n')
    expect(problem.message).toBe('`change-request.sections[1]`: the heading `**Justification:**` is listed twice (as `Justification` before).')
    expect(at(problem)).toEqual([3, 31])
  })

  test('a heading of nothing but punctuation is empty', () => {
    const problem = theProblem('version: 1\nchange-request:\n  sections: ["**"]\n')
    expect(problem.message).toMatch(/empty heading/)
  })

  test('more than one YAML document', () => {
    const problem = theProblem('version: 1\n---\nversion: 1\n')
    expect(problem.message).toMatch(/more than one YAML document/)
    expect(at(problem)).toEqual([3, 1])
  })

  test('a YAML tag', () => {
    const problem = theProblem('version: 1\ndeploy:\n  branches: !!set {main}\n')
    expect(problem.message).toMatch(/tag `!!set`/)
    expect(at(problem)).toEqual([3, 13])
  })

  test('every problem in the file is reported, in file order', () => {
    const problems = problemsFrom('version: 3\naprovals: {}\napprovals:\n  normal: -2\n  count-bots: maybe\ndeploy:\n  branches: [""]\n')
    expect(problems.map(at)).toEqual([[1, 10], [2, 1], [4, 11], [5, 15], [7, 14]])
  })

  test('lines are counted the same with Windows line endings', () => {
    expect(at(theProblem('version: 1\r\napprovals:\r\n  normal: -1\r\n'))).toEqual([3, 11])
  })
})
