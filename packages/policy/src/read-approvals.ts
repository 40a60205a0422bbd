// `approvals`: how many approvals each change type needs, and which ones count.
import type { PolicyReader } from './policy-reader'
import { CHANGE_TYPE_WORDS } from './policy-schema'
import type { ApprovalSettings } from './types'
import type { YamlNode } from './yaml-document'

export function readApprovals(reader: PolicyReader, node: YamlNode | undefined, defaults: ApprovalSettings): ApprovalSettings {
  const approvals: ApprovalSettings = { ...defaults }
  const keys = reader.section(node, 'approvals', 'approvals')
  if (!keys) return approvals
  const count = (n: YamlNode, at: string) => reader.count(n, at)
  const flag = (n: YamlNode, at: string) => reader.boolean(n, at)
  approvals.standard = reader.optional(keys, 'standard', 'approvals', count) ?? approvals.standard
  approvals.normal = reader.optional(keys, 'normal', 'approvals', count) ?? approvals.normal
  approvals.emergency = reader.optional(keys, 'emergency', 'approvals', count) ?? approvals.emergency
  approvals.invalidateOnPush = reader.optional(keys, 'invalidate-on-push', 'approvals', flag) ?? approvals.invalidateOnPush
  approvals.ignoreBaseUpdates = reader.optional(keys, 'ignore-base-updates', 'approvals', flag) ?? approvals.ignoreBaseUpdates
  approvals.allowSelfApproval = reader.optional(keys, 'allow-self-approval', 'approvals', flag) ?? approvals.allowSelfApproval
  approvals.countBots = reader.optional(keys, 'count-bots', 'approvals', flag) ?? approvals.countBots
  approvals.autoMerge = reader.optional(keys, 'auto-merge', 'approvals', (n, at) => reader.words(n, at, CHANGE_TYPE_WORDS, 'change type')) ?? approvals.autoMerge
  return approvals
}
