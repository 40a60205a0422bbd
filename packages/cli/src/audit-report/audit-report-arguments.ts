import { parseCommandLine, UsageError } from '../command-line'

export const AUDIT_REPORT_USAGE = `Usage: change-policy audit-report --repository OWNER/NAME --since DATE [options]

Rebuilds the change evidence for a period from GitHub alone: every pull request merged into the
policy's deploy branches, its type, approvers and times, checks, the deployment, the change
request's justification, and for emergencies the review issue and when it was completed, with
a section of exceptions. Needs a token: GITHUB_TOKEN in the environment (or --token-env NAME).

Options:
  --repository OWNER/NAME  the repository (required)
  --since DATE           start of the period, inclusive (ISO 8601, e.g. 2026-11-01) (required)
  --until DATE           end of the period, exclusive (default: now)
  --format FORMAT        markdown (default), csv or json
  --policy PATH          the policy file (default: .github/change-policy.yml)
  --policy-ref REF       where the policy is read from (default: the default branch)
  --api-url URL          the REST API (default: GITHUB_API_URL, else https://api.github.com)
  --server-url URL       the web host, for links (default: GITHUB_SERVER_URL, else https://github.com)
  --token-env NAME       the environment variable holding the token (default: GITHUB_TOKEN)
  -h, --help             this text`

export const AUDIT_FORMATS = ['markdown', 'csv', 'json'] as const

export interface AuditReportArguments {
  owner: string
  repo: string
  since: Date
  until?: Date
  format: (typeof AUDIT_FORMATS)[number]
  policy: string
  policyRef?: string
  apiUrl?: string
  serverUrl?: string
  tokenEnv: string
}

function date(name: string, value: string): Date {
  const parsed = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?$/.test(value) ? new Date(value) : new Date(NaN)
  if (Number.isNaN(parsed.getTime())) throw new UsageError(`--${name} must be an ISO 8601 date such as 2026-11-01 or 2026-11-01T00:00:00Z, not ${value}.`)
  return parsed
}

export function parseAuditReportArguments(argv: string[]): AuditReportArguments | 'help' {
  const { values: v } = parseCommandLine(argv, {
    repository: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    format: { type: 'string', default: 'markdown' },
    policy: { type: 'string', default: '.github/change-policy.yml' },
    'policy-ref': { type: 'string' },
    'api-url': { type: 'string' },
    'server-url': { type: 'string' },
    'token-env': { type: 'string', default: 'GITHUB_TOKEN' },
    help: { type: 'boolean', short: 'h', default: false }
  })
  if (v.help) return 'help'
  const [owner, repo, extra] = (v.repository ?? '').split('/')
  if (!owner || !repo || extra !== undefined) throw new UsageError('--repository OWNER/NAME is required, e.g. --repository acme/app.')
  if (v.since === undefined) throw new UsageError('--since DATE is required, e.g. --since 2026-11-01.')
  if (!(AUDIT_FORMATS as readonly string[]).includes(v.format)) throw new UsageError(`--format must be ${AUDIT_FORMATS.join(', ')}, not ${v.format}.`)
  const since = date('since', v.since)
  const until = v.until === undefined ? undefined : date('until', v.until)
  if (until && until.getTime() <= since.getTime()) throw new UsageError('--until must be after --since.')
  return {
    owner, repo, since, ...(until ? { until } : {}),
    format: v.format as AuditReportArguments['format'],
    policy: v.policy,
    ...(v['policy-ref'] ? { policyRef: v['policy-ref'] } : {}),
    ...(v['api-url'] ? { apiUrl: v['api-url'] } : {}),
    ...(v['server-url'] ? { serverUrl: v['server-url'] } : {}),
    tokenEnv: v['token-env']
  }
}
