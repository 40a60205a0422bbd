import type { Problem } from '@change-policy/policy'

/**
 * A failure the user can act on. Thrown anywhere below an action's `run`, caught once by
 * `runAction`, which turns each problem into one annotation and one summary line.
 */
export class ActionError extends Error {
  readonly problems: Problem[]

  constructor(problems: Problem | Problem[]) {
    const list = Array.isArray(problems) ? problems : [problems]
    super(list.map((p) => p.message).join('; '))
    this.name = 'ActionError'
    this.problems = list
  }
}
