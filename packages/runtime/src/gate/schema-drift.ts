// What a rollback leaves behind in the database: the migrations added or changed between
// the release rolled back to and the branch head stay applied, and a destructive one (a
// dropped column, say) may break the old code. Judged with the migration linter's own rules.
import { lintSql } from '@change-policy/migrations'
import type { MigrationDrift, Policy } from '@change-policy/policy'
import { readFileAtRef, type Comparison, type GitHubClient, type RepoRef } from '@change-policy/github'
import { ActionError } from '../action-error'

export async function migrationsSince(client: GitHubClient, repo: RepoRef, comparison: Comparison, head: string, policy: Policy): Promise<MigrationDrift[]> {
  if (!comparison.filesComplete) {
    throw new ActionError({
      message: `GitHub listed only the first ${comparison.files.length} files changed since the rollback target, so the migrations it would leave applied cannot all be checked.`,
      fix: 'Roll back to a more recent release, or check the schema by hand and set `allow-schema-drift: true`.'
    })
  }
  const prefix = `${policy.migrations.path.replace(/\/+$/, '')}/`
  const files = comparison.files.filter((f) => f.path.startsWith(prefix) && f.path.endsWith('.sql') && f.status !== 'removed')
  return Promise.all(
    files.map(async (file) => {
      const read = await readFileAtRef(client, repo, file.path, head)
      if (!read) throw new ActionError({ message: `Migration ${file.path} is listed as changed but could not be read at ${head.slice(0, 7)}.`, fix: 'Re-run the job.' })
      const lint = await lintSql(read.text, { path: file.path })
      // Silenced findings count too: an allow comment accepts a risk, it does not undo a drop.
      const destructive = [...lint.findings, ...lint.silenced].filter((f) => f.destructive).map((f) => `line ${f.line}: ${f.rule}`)
      return { path: file.path, destructive }
    })
  )
}
