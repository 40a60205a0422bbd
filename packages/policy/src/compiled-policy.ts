// A policy's globs and name lists, compiled once per policy object and reused by every
// classification. Policies are treated as immutable once parsed: a policy object that is
// changed after its first classification keeps its first compilation.
import { compileGlobRules, type GlobRuleIndex } from './glob-index'
import type { Policy } from './types'

export interface CompiledPolicy {
  /** Rule 0 is the standard paths; rule i + 1 is `policy.controls[i]`. */
  paths: GlobRuleIndex
  /** The `head-branches` glob that matches `branch`, if any. */
  emergencyBranchGlob(branch: string): string | undefined
  /** Lower-cased emergency labels: GitHub treats label names without regard to case. */
  emergencyLabels: Set<string>
}

export const STANDARD_RULE = 0

const cache = new WeakMap<Policy, CompiledPolicy>()

export function compilePolicy(policy: Policy): CompiledPolicy {
  const cached = cache.get(policy)
  if (cached) return cached
  const compiled = compile(policy)
  cache.set(policy, compiled)
  return compiled
}

function compile(policy: Policy): CompiledPolicy {
  const { emergency, standard } = policy.classification
  const branches = compileGlobRules([emergency.headBranches])
  return {
    paths: compileGlobRules([standard.paths, ...policy.controls.map((control) => control.paths)]),
    emergencyBranchGlob(branch) {
      return branches.matchingRules(branch).length > 0 ? branches.globThatMatched(0) : undefined
    },
    emergencyLabels: new Set(emergency.labels.map((label) => label.toLowerCase()))
  }
}
