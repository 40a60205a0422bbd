import { startSimulator, type Simulator } from '../simulator'
import { call, linkTo } from '../test-support/github-client'

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
})

afterEach(async () => {
  await sim.close()
})

function openWithFiles(count: number): number {
  const repo = sim.state.addRepository('acme/app')
  const files = Array.from({ length: count }, (_, i) => `src/file-${String(i).padStart(4, '0')}.ts`)
  return repo.openPullRequest({ author: 'alice', files }).number
}

test('lists 30 files per page by default, with GitHub Link headers naming the repository by id', async () => {
  const n = openWithFiles(75)
  const id = sim.state.repository('acme/app').record.id
  const first = await call<unknown[]>(sim, 'GET', `/repos/acme/app/pulls/${n}/files`)
  expect(first.body).toHaveLength(30)
  expect(first.headers.get('link')).toBe(
    `<${sim.url}/repositories/${id}/pulls/${n}/files?page=2>; rel="next", <${sim.url}/repositories/${id}/pulls/${n}/files?page=3>; rel="last"`
  )
  const next = linkTo(first.headers.get('link'), 'next') as string
  const second = await call<unknown[]>(sim, 'GET', next)
  expect(second.body).toHaveLength(30)
  expect(linkTo(second.headers.get('link'), 'prev')).toBe(`${sim.url}/repositories/${id}/pulls/${n}/files?page=1`)
  expect(linkTo(second.headers.get('link'), 'first')).toBe(`${sim.url}/repositories/${id}/pulls/${n}/files?page=1`)
  const last = await call<unknown[]>(sim, 'GET', linkTo(second.headers.get('link'), 'next') as string)
  expect(last.body).toHaveLength(15)
  expect(linkTo(last.headers.get('link'), 'next')).toBeUndefined()
  expect(last.headers.get('link')).toContain('rel="prev"')
})

test('per_page is clamped to 100 and the other query parameters are kept in the links', async () => {
  const n = openWithFiles(250)
  const page = await call<unknown[]>(sim, 'GET', `/repos/acme/app/pulls/${n}/files?per_page=500`)
  expect(page.body).toHaveLength(100)
  expect(linkTo(page.headers.get('link'), 'last')).toMatch(/\?per_page=500&page=3$/)
})

test('a page that fits everything has no Link header', async () => {
  const n = openWithFiles(3)
  const page = await call<unknown[]>(sim, 'GET', `/repos/acme/app/pulls/${n}/files?per_page=100`)
  expect(page.body).toHaveLength(3)
  expect(page.headers.get('link')).toBeNull()
})

test('the files list stops at 3,000 while changed_files tells the true count', async () => {
  const n = openWithFiles(3105)
  const pr = await call<{ changed_files: number }>(sim, 'GET', `/repos/acme/app/pulls/${n}`)
  expect(pr.body.changed_files).toBe(3105)
  let url: string | undefined = `/repos/acme/app/pulls/${n}/files?per_page=100`
  let listed = 0
  let pages = 0
  while (url !== undefined) {
    const page: Awaited<ReturnType<typeof call<unknown[]>>> = await call<unknown[]>(sim, 'GET', url)
    listed += page.body.length
    pages++
    url = linkTo(page.headers.get('link'), 'next')
  }
  expect(listed).toBe(3000)
  expect(pages).toBe(30)
  const beyond = await call<unknown[]>(sim, 'GET', `/repos/acme/app/pulls/${n}/files?per_page=100&page=31`)
  expect(beyond.body).toEqual([])
})

test('a renamed file reports previous_filename, and a removed one is gone from the head', async () => {
  const repo = sim.state.addRepository({ fullName: 'acme/app', files: { 'docs/old.md': 'text\n', 'src/dead.ts': 'x\n' } })
  const pr = repo.openPullRequest({ files: [{ filename: 'docs/new.md', previous_filename: 'docs/old.md' }, { filename: 'src/dead.ts', status: 'removed' }] })
  const files = await call<{ filename: string; status: string; previous_filename?: string }[]>(sim, 'GET', `/repos/acme/app/pulls/${pr.number}/files`)
  expect(files.body.map((f) => [f.filename, f.status, f.previous_filename])).toEqual([
    ['docs/new.md', 'renamed', 'docs/old.md'],
    ['src/dead.ts', 'removed', undefined]
  ])
  expect(repo.fileAt(pr.head.sha, 'src/dead.ts')).toBeUndefined()
  expect(repo.fileAt(pr.head.sha, 'docs/new.md')).toBe('text\n')
})

test('an unknown pull request, or an issue number, is 404 with GitHub error body', async () => {
  const repo = sim.state.addRepository('acme/app')
  const issue = repo.addIssue({ title: 'Not a PR' })
  for (const n of [999, issue.number]) {
    const answer = await call(sim, 'GET', `/repos/acme/app/pulls/${n}`)
    expect(answer.status).toBe(404)
    expect(answer.body).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request', status: '404' })
  }
})

describe('patches, as GitHub gives and withholds them', () => {
  type Entry = { filename: string; patch?: string; additions: number; changes: number }
  const lines = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}\n`).join('')

  test('a text file comes with its patch; a binary file or a diff over 100 KB without', async () => {
    const repo = sim.state.addRepository('acme/app')
    const n = repo.openPullRequest({
      author: 'alice',
      files: [
        { filename: 'src/small.ts', content: 'const a = 1\n' },
        { filename: 'img/logo.png', content: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR' },
        { filename: 'data/big.sql', content: lines(3000, 'insert into t values (1234567890, 1234567890);') }
      ]
    }).number
    const { body } = await call<Entry[]>(sim, 'GET', `/repos/acme/app/pulls/${n}/files`)
    const byName = Object.fromEntries(body.map((e) => [e.filename, e]))
    expect(byName['src/small.ts']?.patch).toBe('@@ -0,0 +1,1 @@\n+const a = 1')
    expect(byName['img/logo.png']?.patch).toBeUndefined()
    expect(byName['data/big.sql']?.patch).toBeUndefined()
    expect(byName['data/big.sql']?.additions).toBe(3000)
  })

  test('once the patches in one response reach 20,000 lines, later files have no patch and zero counts', async () => {
    const repo = sim.state.addRepository('acme/app')
    const files = Array.from({ length: 12 }, (_, i) => ({ filename: `src/f${String(i).padStart(2, '0')}.ts`, content: lines(1999) }))
    const n = repo.openPullRequest({ author: 'alice', files }).number
    const { body } = await call<Entry[]>(sim, 'GET', `/repos/acme/app/pulls/${n}/files?per_page=100`)
    expect(body.map((e) => e.patch !== undefined)).toEqual([true, true, true, true, true, true, true, true, true, true, false, false])
    expect(body[11]).toMatchObject({ additions: 0, changes: 0 })
    // A smaller page has them all: the limit is per response.
    const page = await call<Entry[]>(sim, 'GET', `/repos/acme/app/pulls/${n}/files?per_page=5&page=3`)
    expect(page.body.map((e) => e.patch !== undefined)).toEqual([true, true])
  })
})
