import { looksBinary } from '@change-policy/policy'
import type { GitHubClient, RepoRef } from './client'
import { describeRequestError, GitHubAccessError } from './errors'

export interface FileAtRef {
  text: string
  /** Blob sha, for the audit record. */
  sha: string
}

/**
 * A file's text at a ref through the contents API, or null when the file does not exist
 * there (the only failure that is not an error: the built-in defaults then apply).
 */
export async function readFileAtRef(client: GitHubClient, repo: RepoRef, path: string, ref: string): Promise<FileAtRef | null> {
  let data: unknown
  try {
    ;({ data } = await client.rest.repos.getContent({ ...repo, path, ref }))
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 404) return null
    throw describeRequestError(error, `read ${path} at ${ref}`, 'contents: read')
  }
  if (Array.isArray(data) || typeof data !== 'object' || data === null || (data as { type?: string }).type !== 'file') {
    throw new GitHubAccessError({
      message: `${path} at ${ref} is not a file.`,
      fix: 'Point the `policy` input at a YAML file.'
    })
  }
  const file = data as { content?: string; encoding?: string; sha: string; size?: number }
  if (file.encoding !== 'base64' || typeof file.content !== 'string') {
    // Files over 1 MB come back without content; no policy is that large.
    throw new GitHubAccessError({
      message: `${path} at ${ref} could not be read through the contents API (encoding ${file.encoding ?? 'none'}, ${file.size ?? '?'} bytes).`,
      fix: 'Keep the policy file under 1 MB.'
    })
  }
  const bytes = Buffer.from(file.content, 'base64')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new GitHubAccessError({ message: `${path} at ${ref} is not valid UTF-8.`, fix: 'Save the file as UTF-8.' })
  }
  return { text, sha: file.sha }
}

/** What a file at a ref holds, for a scan that must tell text, binary and too large apart. */
export type FileBytesAtRef =
  | { kind: 'text'; text: string; size: number }
  | { kind: 'binary'; size: number }
  /** Over the contents API's inline limit (1 MB): GitHub sends no content. */
  | { kind: 'too-large'; size: number }
  | { kind: 'missing' }

/**
 * A file at a ref in one request, without failing on what a policy read would refuse:
 * binary content (a NUL byte, or not UTF-8) and files too large to come inline are
 * answers, not errors, so the caller decides what each means.
 */
export async function readFileBytesAtRef(client: GitHubClient, repo: RepoRef, path: string, ref: string): Promise<FileBytesAtRef> {
  let data: unknown
  try {
    ;({ data } = await client.rest.repos.getContent({ ...repo, path, ref }))
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { kind: 'missing' }
    throw describeRequestError(error, `read ${path} at ${ref}`, 'contents: read')
  }
  if (Array.isArray(data) || typeof data !== 'object' || data === null || (data as { type?: string }).type !== 'file') {
    // A submodule or a symlink: no content of its own to scan.
    return { kind: 'binary', size: 0 }
  }
  const file = data as { content?: string; encoding?: string; size?: number }
  const size = file.size ?? 0
  if (file.encoding !== 'base64' || typeof file.content !== 'string') return { kind: 'too-large', size }
  const bytes = Buffer.from(file.content, 'base64')
  if (looksBinary(bytes)) return { kind: 'binary', size }
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), size }
  } catch {
    return { kind: 'binary', size }
  }
}
