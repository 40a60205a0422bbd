import { parsePolicy } from '../parse-policy'

test('a required check can pin the app that must post it', () => {
  const parsed = parsePolicy('version: 1\ndeploy:\n  required-checks: [build, {name: test, app: github-actions}]\n', { path: '.github/change-policy.yml' })
  expect(parsed.ok && parsed.policy.deploy.requiredChecks).toEqual(['build', 'test'])
  expect(parsed.ok && parsed.policy.deploy.checkApps).toEqual({ test: 'github-actions' })
})

test('an unknown key, a missing app or a malformed slug is an error at its line', () => {
  const parsed = parsePolicy('version: 1\ndeploy:\n  required-checks:\n    - {name: test, ap: x}\n    - {name: lint, app: "Not A Slug"}\n', { path: '.github/change-policy.yml' })
  expect(parsed.ok).toBe(false)
  const problems = parsed.ok ? [] : parsed.problems
  expect(problems.map((p) => [p.line, p.message])).toEqual(
    expect.arrayContaining([
      [4, expect.stringMatching(/ap/)],
      [4, expect.stringMatching(/has no `app`/)],
      [5, expect.stringMatching(/not a GitHub App slug/)]
    ])
  )
})

test('deploy.environments names the environments the gate guards (default: production)', () => {
  const parsed = parsePolicy('version: 1\ndeploy:\n  environments: [production, staging]\n', { path: '.github/change-policy.yml' })
  expect(parsed.ok && parsed.policy.deploy.environments).toEqual(['production', 'staging'])
  const defaulted = parsePolicy('version: 1\n', { path: '.github/change-policy.yml' })
  expect(defaulted.ok && defaulted.policy.deploy.environments).toEqual(['production'])
})
