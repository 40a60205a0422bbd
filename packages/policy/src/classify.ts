// Which of the three change types a pull request is, which controls it touches, and what
// approvals that adds up to, with one human sentence per decision for the job summary.
import type {
  ChangedFile,
  Classification,
  ClassificationFacts,
  EmergencyDeclaration,
  FileRef,
  MatchedControl,
  Requirement,
  StandardPathMatches
} from './classification-types'
import { STANDARD_RULE, compilePolicy, type CompiledPolicy } from './compiled-policy'
import { judgeCredentials } from './credentials/credential-verdict'
import { judgeDependencyUpdates } from './dependency-rule'
import { mayDeclareEmergency } from './emergency-declarers'
import type { ChangeType, Policy } from './types'

/** How many matching files a control keeps by name; `fileCount` has the total. */
export const MAX_FILES_KEPT_PER_CONTROL = 50

export function classify(facts: ClassificationFacts, policy: Policy): Classification {
  const compiled = compilePolicy(policy)
  const files = facts.files
  const matched = matchFiles(files, policy, compiled)
  const { standardPaths, firstMatches } = matched
  // Credential findings may add a control (`on-finding: control`) and keep the change from being standard.
  const credentials = judgeCredentials(facts.credentials, policy, matched.controls)
  const controls = credentials.controls
  const emergency = declareEmergency(facts, policy, compiled)
  const dependencyRule = judgeDependencyUpdates(facts, policy)
  const standardByPaths = standardPaths.total > 0 && standardPaths.matched === standardPaths.total
  const standardByDependencies = dependencyRule?.applies === true
  const changeType: ChangeType =
    emergency.declaration !== null ? 'emergency'
    : (standardByPaths || standardByDependencies) && controls.length === 0 && !credentials.keepsFromStandard ? 'standard'
    : 'normal'

  const reasons: string[] = []
  for (const refusal of emergency.refusals) reasons.push(`${refusal}; classified as ${changeType}.`)
  if (emergency.declaration) reasons.push(emergency.grant)
  reasons.push(describeStandardPaths(standardPaths, policy))
  if (dependencyRule) reasons.push(dependencyRule.reason)
  controls.forEach((control, i) => {
    const first = firstMatches[i]
    if (first) reasons.push(describeControl(control, first))
  })
  reasons.push(...credentials.reasons)
  reasons.push(describeVerdict(changeType, { standardByPaths, standardByDependencies, controls, credentialsKeep: credentials.keepsFromStandard }))

  const requirements: Requirement[] = [
    { source: 'change-type', name: changeType, approvals: policy.approvals[changeType], reviewers: [] },
    ...controls.map((control): Requirement => ({ source: 'control', name: control.name, approvals: control.approvals, reviewers: [...control.reviewers] }))
  ]
  return {
    changeType,
    controls,
    requirements,
    requiredApprovals: Math.max(0, ...requirements.map((requirement) => requirement.approvals)),
    reasons,
    emergency: emergency.declaration,
    standardPaths,
    dependencyRule,
    filesCount: files.length,
    credentials: credentials.verdict
  }
}

interface FirstMatch {
  file: FileRef
  /** Which of the file's paths matched, and the glob it matched. */
  path: string
  glob: string
}

function matchFiles(files: readonly ChangedFile[], policy: Policy, compiled: CompiledPolicy) {
  const controlCount = policy.controls.length
  const counts = new Array<number>(controlCount).fill(0)
  const listed: FileRef[][] = Array.from({ length: controlCount }, () => [])
  const first: (FirstMatch | undefined)[] = new Array(controlCount).fill(undefined)
  const standardPaths: StandardPathMatches = { matched: 0, total: files.length, firstOutside: null }
  const hit = new Uint8Array(controlCount + 1)

  for (const file of files) {
    hit.fill(0)
    const current = compiled.paths.matchingRules(file.path)
    for (const rule of current) {
      hit[rule] = 1
      if (rule !== STANDARD_RULE && first[rule - 1] === undefined) first[rule - 1] = { file: fileRef(file), path: file.path, glob: compiled.paths.globThatMatched(rule) ?? '' }
    }
    let inStandard = hit[STANDARD_RULE] === 1
    const renamedFrom = file.previousPath !== undefined && file.previousPath !== file.path ? file.previousPath : undefined
    if (renamedFrom !== undefined) {
      // A rename out of a protected place is a change to that place too; and a rename is
      // standard only if both its old and its new path are.
      const previous = compiled.paths.matchingRules(renamedFrom)
      inStandard = inStandard && previous.includes(STANDARD_RULE)
      for (const rule of previous) {
        if (rule !== STANDARD_RULE && hit[rule] === 0) {
          hit[rule] = 2
          current.push(rule)
          if (first[rule - 1] === undefined) first[rule - 1] = { file: fileRef(file), path: renamedFrom, glob: compiled.paths.globThatMatched(rule) ?? '' }
        }
      }
    }
    if (inStandard) standardPaths.matched++
    else if (standardPaths.firstOutside === null) standardPaths.firstOutside = fileRef(file)
    for (const rule of current) {
      if (rule === STANDARD_RULE) continue
      const control = rule - 1
      counts[control] = (counts[control] ?? 0) + 1
      const list = listed[control] as FileRef[]
      if (list.length < MAX_FILES_KEPT_PER_CONTROL) list.push(fileRef(file))
    }
  }

  const controls: MatchedControl[] = []
  const firstMatches: FirstMatch[] = []
  policy.controls.forEach((control, index) => {
    const count = counts[index] ?? 0
    if (count === 0) return
    controls.push({
      name: control.name,
      files: listed[index] as FileRef[],
      fileCount: count,
      approvals: control.approvals,
      reviewers: [...control.reviewers],
      requiredChecks: [...control.requiredChecks],
      builtIn: control.builtIn
    })
    firstMatches.push(first[index] as FirstMatch)
  })
  return { standardPaths, controls, firstMatches }
}

function fileRef(file: ChangedFile): FileRef {
  return file.previousPath !== undefined && file.previousPath !== file.path ? { path: file.path, previousPath: file.previousPath } : { path: file.path }
}

interface EmergencyOutcome {
  declaration: EmergencyDeclaration | null
  grant: string
  /** Attempts that did not count, each a sentence without its ending. */
  refusals: string[]
}

function declareEmergency(facts: ClassificationFacts, policy: Policy, compiled: CompiledPolicy): EmergencyOutcome {
  const { declaredBy } = policy.classification.emergency
  const refusals: string[] = []
  for (const label of facts.labels) {
    if (!compiled.emergencyLabels.has(label.name.toLowerCase())) continue
    if (label.addedBy === undefined || label.addedBy === '') {
      refusals.push(`Label '${label.name}' is on the pull request, but who added it is unknown, so it cannot declare an emergency`)
      continue
    }
    const verdict = mayDeclareEmergency(label.addedBy, declaredBy, facts)
    if (verdict.allowed) {
      return { declaration: { by: 'label', value: label.name, actor: label.addedBy }, grant: `Emergency: label '${label.name}' was added by ${verdict.who}.`, refusals }
    }
    refusals.push(`Label '${label.name}' was added by ${verdict.who}`)
  }
  const pattern = facts.headBranch === '' ? undefined : compiled.emergencyBranchGlob(facts.headBranch)
  if (pattern !== undefined) {
    // Anyone can name a branch `hotfix/…`; the author must be allowed to declare.
    const verdict = mayDeclareEmergency(facts.author, declaredBy, facts)
    if (verdict.allowed) {
      return { declaration: { by: 'head-branch', value: facts.headBranch, actor: facts.author }, grant: `Emergency: head branch '${facts.headBranch}' matches '${pattern}' and was opened by ${verdict.who}.`, refusals }
    }
    refusals.push(`Head branch '${facts.headBranch}' matches '${pattern}', but the pull request was opened by ${verdict.who}`)
  }
  return { declaration: null, grant: '', refusals }
}

function describeStandardPaths(matches: StandardPathMatches, policy: Policy): string {
  const globs = policy.classification.standard.paths
  const list = globs.length > 0 ? globs.join(', ') : 'none are set'
  if (matches.total === 0) return 'Not standard by paths: the pull request changes no files.'
  if (matches.firstOutside === null) return `All ${matches.total} changed file${matches.total === 1 ? '' : 's'} match the standard paths (${list}).`
  const outside = matches.firstOutside
  const which = outside.previousPath !== undefined ? `'${outside.path}' (renamed from '${outside.previousPath}'; both paths must match)` : `'${outside.path}'`
  return `Not standard by paths: ${which} is outside the standard paths (${list}); ${matches.matched} of ${matches.total} files match.`
}

function describeControl(control: MatchedControl, first: FirstMatch): string {
  const renamed = first.file.previousPath !== undefined && first.path === first.file.previousPath ? ` (the old path of '${first.file.path}')` : ''
  const more = control.fileCount > 1 ? `; ${control.fileCount} files in all` : ''
  const needs = control.approvals > 0 ? `, needs ${control.approvals} approval${control.approvals === 1 ? '' : 's'}${control.reviewers.length > 0 ? ` from ${control.reviewers.join(', ')}` : ''}` : ''
  const checks = control.requiredChecks.length > 0 ? `${needs === '' ? ', needs' : ' and'} checks ${control.requiredChecks.join(', ')}` : ''
  return `Control '${control.name}'${control.builtIn ? ' (built in)' : ''} applies: '${first.path}'${renamed} matches '${first.glob}'${more}${needs}${checks}.`
}

function describeVerdict(type: ChangeType, why: { standardByPaths: boolean; standardByDependencies: boolean; controls: MatchedControl[]; credentialsKeep: boolean }): string {
  if (type === 'emergency') return 'Classified as emergency.'
  if (type === 'standard') return `Classified as standard: ${why.standardByPaths ? 'every changed file is in the standard paths' : 'a dependency update within the allowed levels'} and no control applies.`
  if ((why.standardByPaths || why.standardByDependencies) && why.controls.length > 0) {
    return `Classified as normal: it would be standard, but control${why.controls.length === 1 ? '' : 's'} ${why.controls.map((control) => `'${control.name}'`).join(', ')} appl${why.controls.length === 1 ? 'ies' : 'y'}.`
  }
  if ((why.standardByPaths || why.standardByDependencies) && why.credentialsKeep) return 'Classified as normal: it would be standard, but the credential scan found credentials in the added lines.'
  return 'Classified as normal: neither an emergency nor a standard change.'
}
