// The checks that run on the database after the whole history is applied, where a rule can
// be decided better than from one file's text (what squawk cannot do). Each one replaces the
// text-only verdict of its rule for the changed migrations; when the history did not apply,
// the text-only verdicts stand.
import { findingsOf, type DatabaseCheckInput, type DatabaseCheckResult } from './catalog-query'
import { rowLevelSecurityAfterApply } from './row-level-security-after-apply'
import { volatileDefaultsAfterApply } from './volatile-defaults-after-apply'

/** Rules whose findings on changed migrations come from the database when it is available. */
export const DATABASE_JUDGED_RULES: readonly string[] = ['require-rls-on-exposed-table', 'adding-field-with-default']

export async function runDatabaseChecks(input: DatabaseCheckInput): Promise<DatabaseCheckResult> {
  const hits = [...(await rowLevelSecurityAfterApply(input)), ...(await volatileDefaultsAfterApply(input))]
  return findingsOf(hits, input.rules)
}
