// The policy's `migrations.rules` map (rule name -> error | warning | off), checked and
// resolved. Unknown names are errors: a typo must not silently keep a rule at its default.
import type { Severity } from '../finding'
import { FIXED_CHECK_NAMES, RULES, RULE_NAMES } from './rule-registry'

export type RuleSeverity = Severity | 'off'

export interface RuleSeverityProblem {
  rule: string
  message: string
  fix: string
}

export function checkRuleSeverities(rules: Readonly<Record<string, string>>): RuleSeverityProblem[] {
  const problems: RuleSeverityProblem[] = []
  for (const [rule, severity] of Object.entries(rules)) {
    if (FIXED_CHECK_NAMES.includes(rule)) {
      problems.push({ rule, message: `migrations.rules.${rule}: ${rule} is a fixed check and always an error.`, fix: `Remove ${rule} from migrations.rules.` })
    } else if (!RULE_NAMES.includes(rule)) {
      problems.push({ rule, message: `migrations.rules.${rule}: there is no migration lint rule named "${rule}".`, fix: `Use one of: ${RULE_NAMES.join(', ')}.` })
    } else if (severity !== 'error' && severity !== 'warning' && severity !== 'off') {
      problems.push({ rule, message: `migrations.rules.${rule}: "${severity}" is not a severity.`, fix: 'Use error, warning or off.' })
    }
  }
  return problems
}

/** The severity a rule reports at under the policy's overrides. */
export function severityOf(rule: string, overrides: Readonly<Record<string, RuleSeverity>> = {}): RuleSeverity {
  const override = overrides[rule]
  if (override === 'error' || override === 'warning' || override === 'off') return override
  return RULES.find((info) => info.name === rule)?.defaultSeverity ?? 'error'
}
