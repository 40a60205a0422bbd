import { minimatch } from 'minimatch'
import { GLOB_OPTIONS } from './globs'
import type { Policy } from './types'

/** Whether merging into `branch` deploys under `deploy.branches` (globs, as the policy allows). */
export function isDeployBranch(branch: string, policy: Policy): boolean {
  return policy.deploy.branches.some((glob) => minimatch(branch, glob, GLOB_OPTIONS))
}
