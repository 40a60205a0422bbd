// The issues a pull request body closes, by GitHub's closing keywords: "Fixes #12",
// "closes acme/app#12", "resolves https://github.com/acme/app/issues/12". GitHub links these
// only for pull requests into the default branch; a bare "#12" mentions without closing.
const KEYWORDS = 'close|closes|closed|fix|fixes|fixed|resolve|resolves|resolved'

export function closingReferences(body: string | null, fullName: string, serverUrl: string): number[] {
  if (body === null) return []
  const [owner = '', name = ''] = fullName.split('/')
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const repoRef = `(?:${esc(owner)}/${esc(name)})?`
  const url = `${esc(serverUrl.replace(/\/$/, ''))}/${esc(owner)}/${esc(name)}/issues/`
  const pattern = new RegExp(`\\b(?:${KEYWORDS}):?\\s+(?:${repoRef}#(\\d+)|${url}(\\d+))\\b`, 'gi')
  const found: number[] = []
  for (const match of body.matchAll(pattern)) {
    const n = Number(match[1] ?? match[2])
    if (!found.includes(n)) found.push(n)
  }
  return found
}
