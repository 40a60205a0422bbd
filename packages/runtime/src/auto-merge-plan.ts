import type { ChangeType } from '@change-policy/policy'
import type { AutoMergeOutcome } from './summaries/approval-summary'

export type AutoMergeSetting = 'false' | 'merge' | 'squash' | 'rebase'

export interface AutoMergeSituation {
  changeType: ChangeType
  /** The policy's `approvals.auto-merge`. */
  allowed: readonly ChangeType[]
  approved: boolean
  /** The `enable-auto-merge` input. */
  setting: AutoMergeSetting
  /** The merge method auto-merge is already on with, or null. */
  alreadyEnabled: string | null
  inMergeQueue: boolean
  draft: boolean
}

export type AutoMergePlan = { outcome: AutoMergeOutcome; detail: string } | { enable: 'merge' | 'squash' | 'rebase' }

/**
 * Whether to turn auto-merge on, or why not. Only a type the policy lets auto-merge, only
 * once approved (a standard change needs none, but changes requested still block it), and
 * only when asked to; a merge queue run or a draft is left alone.
 */
export function planAutoMerge(s: AutoMergeSituation): AutoMergePlan {
  if (!s.allowed.includes(s.changeType)) {
    return { outcome: 'no', detail: `the policy lets ${s.allowed.length > 0 ? s.allowed.join(' and ') : 'no'} changes auto-merge, not ${s.changeType} ones` }
  }
  if (!s.approved) return { outcome: 'no', detail: 'not until the approvals it needs are there' }
  if (s.alreadyEnabled !== null) return { outcome: 'enabled', detail: `already on (${s.alreadyEnabled.toLowerCase()})` }
  if (s.setting === 'false') return { outcome: 'eligible', detail: 'set `enable-auto-merge` to merge, squash or rebase to turn it on' }
  if (s.inMergeQueue) return { outcome: 'eligible', detail: 'the pull request is already in the merge queue' }
  if (s.draft) return { outcome: 'eligible', detail: 'a draft cannot auto-merge; it is turned on once the pull request is ready for review' }
  return { enable: s.setting }
}
