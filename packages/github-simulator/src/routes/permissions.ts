// The installation permissions routes ask for, named once. Issue endpoints also serve pull
// requests, so either `issues` or `pull_requests` admits them, as on GitHub.
import type { RequiredPermissions } from '../state/tokens'

export const METADATA_READ: RequiredPermissions = [{ metadata: 'read' }]
export const CONTENTS_READ: RequiredPermissions = [{ contents: 'read' }]
export const PULLS_READ: RequiredPermissions = [{ pull_requests: 'read' }]
export const ISSUES_READ: RequiredPermissions = [{ issues: 'read' }, { pull_requests: 'read' }]
export const ISSUES_WRITE: RequiredPermissions = [{ issues: 'write' }, { pull_requests: 'write' }]
export const CHECKS_READ: RequiredPermissions = [{ checks: 'read' }]
export const CHECKS_WRITE: RequiredPermissions = [{ checks: 'write' }]
export const STATUSES_READ: RequiredPermissions = [{ statuses: 'read' }]
export const STATUSES_WRITE: RequiredPermissions = [{ statuses: 'write' }]
export const MEMBERS_READ: RequiredPermissions = [{ members: 'read' }]
export const DEPLOYMENTS_READ: RequiredPermissions = [{ deployments: 'read' }]
export const DEPLOYMENTS_WRITE: RequiredPermissions = [{ deployments: 'write' }]
