// GitHub stops sending patches once the patches in one page of a pull request's files add
// up to about 20,000 lines: the later files of that page come with no `patch` and zero
// counts, and nothing marks them (github.com community discussion 213491). The same files
// on a smaller page come with their patches. Reading such a page again in halves costs two
// requests, where reading each withheld file whole at the head costs one request per file.
import type { GitHubClient, RepoRef } from './client'
import { describeRequestError } from './errors'
import type { PullRequestFile } from './pulls'

/** Below this page size a page is not split further; what is still withheld is read at the head. */
const SMALLEST_PAGE = 25
/** Splitting a page costs two requests: worth it only when it saves more head reads than that. */
const WORTH_SPLITTING = 3

/** Looks like a file whose patch the response limit withheld (a binary looks the same, and is then read at the head). */
export function looksWithheld(file: PullRequestFile): boolean {
  return file.patch === undefined && file.changes === 0 && file.status !== 'removed'
}

type Row = { filename: string; status: string; previous_filename?: string; patch?: string; changes: number }

/**
 * `files` (listed `perPage` at a time, in order) with the withheld patches filled in by
 * reading the pages that withheld them again in smaller pages. Returns how many extra
 * requests that took.
 */
export async function refetchWithheldPatches(client: GitHubClient, repo: RepoRef, number: number, files: PullRequestFile[], perPage: number): Promise<number> {
  let requests = 0
  const refine = async (start: number, size: number): Promise<void> => {
    const withheld = files.slice(start, start + size).filter(looksWithheld).length
    if (withheld < WORTH_SPLITTING || size / 2 < SMALLEST_PAGE) return
    const half = size / 2
    for (const offset of [0, half]) {
      if (start + offset >= files.length) continue
      if (files.slice(start + offset, start + offset + half).filter(looksWithheld).length === 0) continue
      let data: Row[]
      try {
        requests++
        ;({ data } = (await client.rest.pulls.listFiles({ ...repo, pull_number: number, per_page: half, page: (start + offset) / half + 1 })) as { data: Row[] })
      } catch (error) {
        throw describeRequestError(error, `list the files of pull request #${number} again in smaller pages`, 'pull-requests: read')
      }
      data.forEach((row, i) => {
        const file = files[start + offset + i]
        // Only the same file, at the same place: anything else means the list changed.
        if (file && file.path === row.filename && looksWithheld(file) && typeof row.patch === 'string') {
          file.patch = row.patch
          file.changes = row.changes
        }
      })
      await refine(start + offset, half)
    }
  }
  for (let start = 0; start < files.length; start += perPage) await refine(start, perPage)
  return requests
}
