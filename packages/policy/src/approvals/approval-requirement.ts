import type { Principal } from '../types'

/**
 * One count of approvals that a change needs: the change type's own, or one per control the
 * change touches. Classification produces these; each is satisfied on its own.
 */
export interface ApprovalRequirement {
  source: 'change-type' | 'control'
  /** The change type (`normal`) or the control's name (`secrets-and-config`). */
  name: string
  approvals: number
  /** Logins or `@org/slug` teams whose approvals count; empty: anyone eligible. */
  reviewers: Principal[]
}
