// Tokens and what they may do. GitHub App installation tokens (GITHUB_TOKEN is one) carry a
// permission per API area; a request outside them is refused with 403 "Resource not
// accessible by integration", except where GitHub hides the resource instead (team
// membership answers 404, which is why a default token cannot tell "not a member" from
// "cannot look").
import { GITHUB_ACTIONS_APP } from './known-accounts'
import type { AppRecord } from './records'

export type PermissionLevel = 'read' | 'write' | 'admin'

/** Installation permissions by name, as in a workflow's `permissions:` block and `members` for the organization. */
export type TokenPermissions = Partial<Record<string, PermissionLevel>>

/**
 * Permissions a route needs: any one of the alternatives, each satisfied only when all its
 * permissions are. Rendered as GitHub's `x-accepted-github-permissions` header.
 */
export type RequiredPermissions = readonly Readonly<Record<string, PermissionLevel>>[]

export interface TokenOptions {
  /** Installation permissions; ignored for `kind: 'user'` (a classic personal token with every scope). */
  permissions?: TokenPermissions
  /** The account writes are attributed to (comments, labels added, check runs). */
  login?: string
  kind?: 'installation' | 'user'
  /** The app an installation token belongs to (named on the check runs it creates). */
  app?: AppRecord
  /** `owner/name` of the repositories the token can see; others answer 404. Absent: all. */
  repositories?: string[]
  /** Requests per hour for the `core` resource. */
  rateLimit?: number
}

export interface RateLimitWindow {
  limit: number
  used: number
  /** Epoch seconds when the window resets. */
  reset: number
}

export interface TokenRecord {
  token: string
  login: string
  kind: 'installation' | 'user'
  permissions: TokenPermissions
  app: AppRecord | null
  repositories: string[] | null
  rateLimits: Map<string, RateLimitWindow>
  rateLimit: number
}

/** The permissive default GITHUB_TOKEN: what the GitHub Actions app itself may do. */
export const GITHUB_TOKEN_PERMISSIONS: TokenPermissions = GITHUB_ACTIONS_APP.permissions as TokenPermissions

/** The restricted default GITHUB_TOKEN (organizations created since 2023). */
export const READ_ONLY_GITHUB_TOKEN_PERMISSIONS: TokenPermissions = { contents: 'read', metadata: 'read', packages: 'read' }

export const TOKEN_PROFILES = {
  githubToken: (): TokenOptions => ({ permissions: GITHUB_TOKEN_PERMISSIONS, login: 'github-actions[bot]', app: GITHUB_ACTIONS_APP }),
  readOnlyGithubToken: (): TokenOptions => ({
    permissions: READ_ONLY_GITHUB_TOKEN_PERMISSIONS,
    login: 'github-actions[bot]',
    app: GITHUB_ACTIONS_APP
  }),
  /** A GitHub App installation token that may also read organization members and teams. */
  appToken: (slug = 'change-policy'): TokenOptions => ({
    permissions: { ...GITHUB_TOKEN_PERMISSIONS, members: 'read' },
    login: `${slug}[bot]`,
    app: {
      ...GITHUB_ACTIONS_APP,
      id: 900001,
      slug,
      nodeId: 'A_kwHOAA3dkQ',
      name: slug,
      owner: 'acme',
      description: '',
      externalUrl: `https://example.com/${slug}`,
      htmlUrl: `https://github.com/apps/${slug}`,
      permissions: { ...GITHUB_ACTIONS_APP.permissions, members: 'read' }
    }
  }),
  personalToken: (login: string): TokenOptions => ({ kind: 'user', login })
} as const

const RANK: Record<PermissionLevel, number> = { read: 1, write: 2, admin: 3 }

export function createToken(token: string, options: TokenOptions): TokenRecord {
  const kind = options.kind ?? 'installation'
  return {
    token,
    login: options.login ?? (kind === 'user' ? 'octocat' : 'github-actions[bot]'),
    kind,
    permissions: { metadata: 'read', ...(options.permissions ?? {}) },
    app: kind === 'user' ? null : (options.app ?? GITHUB_ACTIONS_APP),
    repositories: options.repositories ?? null,
    rateLimits: new Map(),
    rateLimit: options.rateLimit ?? 5000
  }
}

export function tokenAllows(token: TokenRecord, required: RequiredPermissions): boolean {
  if (token.kind === 'user' || required.length === 0) return true
  return required.some((alternative) =>
    Object.entries(alternative).every(([name, level]) => {
      const held = token.permissions[name]
      return held !== undefined && RANK[held] >= RANK[level]
    })
  )
}

/** `issues=write; pull_requests=write`: alternatives split by `;`, joint needs by `,`. */
export function acceptedPermissionsHeader(required: RequiredPermissions): string {
  return required.map((alt) => Object.entries(alt).map(([name, level]) => `${name}=${level}`).join(',')).join('; ')
}
