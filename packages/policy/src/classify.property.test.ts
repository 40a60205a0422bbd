import fc from 'fast-check'
import { Minimatch } from 'minimatch'
import { classify } from './classify'
import { GLOB_OPTIONS } from './globs'
import { parsePolicy } from './parse-policy'
import { changedFile, policyYaml } from './policy-arbitraries'
import { POLICY_PATH, factsWith } from './policy-fixtures'
import type { ChangedFile } from './classification-types'
import type { Policy } from './types'

const validPolicy = policyYaml.map((text): Policy => {
  const result = parsePolicy(text, { path: POLICY_PATH })
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.policy
})

/** minimatch itself, glob by glob: the oracle the compiled index must agree with. */
function matchesAny(globs: readonly string[], path: string): boolean {
  return globs.some((glob) => new Minimatch(glob, GLOB_OPTIONS).match(path))
}

function pathsOf(file: ChangedFile): string[] {
  return file.previousPath !== undefined ? [file.path, file.previousPath] : [file.path]
}

const files = fc.array(changedFile, { maxLength: 25 })
const labels = fc.array(fc.record({ name: fc.constantFrom('emergency', 'incident', 'bug'), addedBy: fc.option(fc.constantFrom('alice', 'bob', 'carol'), { nil: undefined }) }), { maxLength: 3 })

describe('classification over random policies and pull requests', () => {
  test('never throws, and its numbers add up', () => {
    fc.assert(
      fc.property(validPolicy, files, labels, fc.constantFrom('feature/x', 'hotfix/y', 'incident/z'), (policy, changed, prLabels, headBranch) => {
        const result = classify(factsWith({ files: changed, labels: prLabels, headBranch, permissions: { alice: 'write', bob: 'read' }, teamMembers: { '@acme/oncall': ['bob'] } }), policy)
        expect(['standard', 'normal', 'emergency']).toContain(result.changeType)
        expect(result.requiredApprovals).toBe(Math.max(...result.requirements.map((r) => r.approvals)))
        expect(result.requirements[0]).toMatchObject({ source: 'change-type', name: result.changeType })
        expect(result.requirements).toHaveLength(result.controls.length + 1)
        expect(result.filesCount).toBe(changed.length)
        for (const control of result.controls) expect(control.files.length).toBeLessThanOrEqual(control.fileCount)
      }),
      { numRuns: 400 }
    )
  })

  test('a control matches exactly when minimatch says one of its globs matches a path of a file', () => {
    fc.assert(
      fc.property(validPolicy, files, (policy, changed) => {
        const result = classify(factsWith({ files: changed }), policy)
        const expected = policy.controls.filter((control) => changed.some((file) => pathsOf(file).some((path) => matchesAny(control.paths, path)))).map((c) => c.name)
        expect(result.controls.map((c) => c.name)).toEqual(expected)
      }),
      { numRuns: 300 }
    )
  })

  test('standard is never granted when a file falls outside the standard paths and no dependency rule applies', () => {
    // Small pull requests too: with many files, something nearly always falls outside anyway.
    const someFiles = fc.oneof(files, fc.array(changedFile, { minLength: 1, maxLength: 2 }))
    fc.assert(
      fc.property(validPolicy, someFiles, fc.constantFrom('alice', 'dependabot[bot]'), (policy, changed, author) => {
        const result = classify(factsWith({ files: changed, author, dependencyUpdates: null }), policy)
        const outside = changed.some((file) => pathsOf(file).some((path) => !matchesAny(policy.classification.standard.paths, path)))
        if (outside || changed.length === 0) expect(result.changeType).not.toBe('standard')
        if (result.changeType === 'standard') expect(result.controls).toEqual([])
      }),
      { numRuns: 2000 }
    )
  })
})
