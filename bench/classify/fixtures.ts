// A large pull request and a 50-rule policy, shaped like a real monorepo: most files in
// application folders, some docs, a few sensitive ones.

export const FILE_COUNT = 3000

export function largePullRequestFiles(count = FILE_COUNT): string[] {
  const areas = ['src/api', 'src/web/components', 'src/web/pages', 'packages/core/src', 'packages/ui/src', 'docs/guides', 'services/billing', 'services/auth']
  return Array.from({ length: count }, (_, i) => {
    const area = areas[i % areas.length]!
    const ext = area.startsWith('docs') ? 'md' : i % 3 === 0 ? 'tsx' : 'ts'
    return `${area}/module-${Math.floor(i / areas.length) % 40}/file-${i}.${ext}`
  })
}

/** 50 rules: 2 standard paths and 48 controls with globs of every common shape. */
export function fiftyRulePolicy(): string {
  const controls: string[] = []
  const shapes = [
    (i: number) => `"services/svc-${i}/**"`,
    (i: number) => `"**/*.secret-${i}"`,
    (i: number) => `"config/env-${i}.yml"`,
    (i: number) => `"infra/**/stack-${i}.tf"`,
    (i: number) => `"**/migrations-${i}/**"`,
    (i: number) => `"packages/p${i}/{src,lib}/**/*.sql"`
  ]
  for (let i = 0; i < 48; i++) {
    const shape = shapes[i % shapes.length]!
    controls.push(`  - name: control-${i}\n    paths: [${shape(i)}, "deploy/${i}/**"]\n    approvals: ${1 + (i % 2)}`)
  }
  return `version: 1
classification:
  standard:
    paths: ["docs/**", "**/*.md"]
controls:
${controls.join('\n')}
`
}
