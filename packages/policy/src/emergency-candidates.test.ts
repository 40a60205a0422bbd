import { emergencyCandidates } from './emergency-candidates'
import { CONTRACT_POLICY_YAML, policyFrom } from './policy-fixtures'

const policy = policyFrom(CONTRACT_POLICY_YAML)

describe('emergency candidates', () => {
  test('the emergency labels among the pull request\'s, in any case', () => {
    expect(emergencyCandidates({ labels: ['bug', 'Emergency'], headBranch: 'feature/x' }, policy)).toEqual({ labels: ['Emergency'], headBranch: false })
  })

  test('a head branch matching head-branches', () => {
    expect(emergencyCandidates({ labels: [], headBranch: 'hotfix/login' }, policy)).toEqual({ labels: [], headBranch: true })
    expect(emergencyCandidates({ labels: [], headBranch: 'hotfixes' }, policy).headBranch).toBe(false)
  })
})
