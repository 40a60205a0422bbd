// The GITHUB_TOKEN permissions each action in our workflows needs, in one table: a template
// job's `permissions:` must be exactly the union of what its steps need (write includes read).
// Ours are derived from the routes each action calls (the simulator's routes name the
// permission each needs: packages/github-simulator/src/routes/permissions.ts); third-party
// actions from their documentation. A job whose step passes a GitHub App token still keeps
// these, so that deleting the optional app-token step leaves a workflow that works.
export type Level = 'read' | 'write'
export type Permissions = Readonly<Record<string, Level>>

export interface ActionPermissions {
  permissions: Permissions
  /** More, when an input asks for something that needs it. */
  when?: { input: string; unless: readonly string[]; permissions: Permissions }
  why: string
  /**
   * Scopes the end-to-end proof (action-permissions.e2e.test.ts) cannot show are needed, and why:
   * said here rather than silently skipped.
   */
  notProvable?: Readonly<Record<string, string>>
}

/** Ours, by action name (actions/<name>). */
export const OUR_ACTION_PERMISSIONS: Readonly<Record<string, ActionPermissions>> = {
  'classify-change': {
    // Who added a label comes from the pull request's issue events, which pull-requests admits.
    permissions: { contents: 'read', 'pull-requests': 'write' },
    why: 'the policy file (contents); the pull request, its files, its label events and the change:* label (pull-requests write)'
  },
  'require-approval': {
    permissions: { contents: 'read', 'pull-requests': 'read', issues: 'read', statuses: 'write' },
    when: { input: 'enable-auto-merge', unless: ['false', ''], permissions: { contents: 'write', 'pull-requests': 'write' } },
    why: 'the policy file, the pull request, its reviews and commits, label events and linked issues, the change-policy/approval status; auto-merge writes',
    notProvable: {
      issues:
        "the linked change-request issues are issues, not pull requests: GitHub answers them only to issues: read, but the simulator admits pull_requests: read on every issue route (packages/github-simulator/src/routes/permissions.ts)"
    }
  },
  'validate-migration': {
    permissions: { contents: 'read' },
    why: 'the policy file at the base branch (the migrations come from the checkout)'
  },
  'emergency-followup': {
    // The comment on the pull request goes through the issues API, which issues: write admits.
    permissions: { contents: 'read', issues: 'write', 'pull-requests': 'read' },
    why: 'the policy file; open, label, assign, comment on and reopen review issues, and the comment on the pull request (issues write); the pull request and its reviews (pull-requests read)'
  },
  // It reads everything behind each deployed commit and records its decision as a deployment.
  'gate-deploy': {
    permissions: { contents: 'read', 'pull-requests': 'read', issues: 'read', checks: 'read', statuses: 'read', deployments: 'write' },
    why: 'the policy, commits and comparisons; the pull requests behind each commit with their reviews; label history and change requests; check runs and statuses; the last deployment and this decision (deployments write)',
    notProvable: {
      issues:
        "the change-request issues are read through REST issue routes, which GitHub answers only to issues: read but the simulator admits with pull_requests: read (packages/github-simulator/src/routes/permissions.ts)"
    }
  }
}

/** Write includes read: the higher of the two levels of each scope. */
function unionOf(...all: Permissions[]): Permissions {
  const out: Record<string, Level> = {}
  for (const permissions of all) for (const [scope, level] of Object.entries(permissions)) if (out[scope] !== 'write') out[scope] = level
  return out
}

const chained = ['classify-change', 'require-approval', 'validate-migration'].map((name) => OUR_ACTION_PERMISSIONS[name] as ActionPermissions)
/**
 * actions/check-pull-request, a composite action, needs what the three actions it runs need, so
 * it is derived from them rather than written a second time.
 */
export const COMPOSITE_ACTION_PERMISSIONS: Readonly<Record<string, ActionPermissions>> = {
  'check-pull-request': {
    permissions: unionOf(...chained.map((entry) => entry.permissions)),
    when: OUR_ACTION_PERMISSIONS['require-approval']?.when as ActionPermissions['when'],
    why: 'classify-change, require-approval and validate-migration in one step: what each of them needs'
  }
}

/** Third-party actions our workflows use, by `owner/repo`. */
export const THIRD_PARTY_PERMISSIONS: Readonly<Record<string, ActionPermissions>> = {
  'actions/checkout': { permissions: { contents: 'read' }, why: 'clones the repository with the job token' },
  'actions/setup-node': { permissions: {}, why: 'downloads Node.js; no repository access' },
  'actions/create-github-app-token': { permissions: {}, why: 'signs in as the app with its own key' },
  'actions/upload-artifact': { permissions: {}, why: 'uses the runtime token, not GITHUB_TOKEN' },
  'actions/download-artifact': { permissions: {}, why: "an artifact of the same run comes with the runtime token (another run's would need github-token)" },
  // Its README: security-events write to upload results; actions read for the run's details,
  // which private repositories need (the starter workflow GitHub ships asks for both).
  'github/codeql-action': { permissions: { 'security-events': 'write', actions: 'read' }, why: 'uploads the SARIF results (security-events write) and reads the workflow run (actions read)' },
  'supabase/setup-cli': { permissions: {}, why: 'downloads the Supabase CLI; no repository access' },
  'superfly/flyctl-actions': { permissions: {}, why: 'downloads flyctl; no repository access' },
  // Its README: an OIDC token to sign with Sigstore, and attestations write to store the result.
  'actions/attest-build-provenance': { permissions: { 'id-token': 'write', attestations: 'write' }, why: 'signs the provenance with the job\'s OIDC token and stores the attestation' }
}

/**
 * `run:` steps that call the API with the job token, by `<workflow path>#<job id>`: the check
 * cannot read a shell script, so what it needs is written here, where a reviewer sees it.
 */
export const RUN_STEP_PERMISSIONS: Readonly<Record<string, ActionPermissions>> = {
  '.github/workflows/release.yml#release': { permissions: { contents: 'write' }, why: 'gh release create, and pushing the moved major tag' }
}
