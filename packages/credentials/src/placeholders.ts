// Values that look like a credential's shape but are an example of one: documentation and
// templates are full of `sk_live_XXXXXXXX` and `your-api-key`. Reporting them would teach
// people to waive findings without reading them.
const PLACEHOLDER_WORDS = /example|placeholder|dummy|sample|changeme|redacted|your[-_]|<[a-z_-]+>|\$\{/i
/** Six or more of the same filler character in a row: `XXXXXX`, `******`, `000000`. */
const FILLER_RUN = /([xX*0.#_-])\1{5,}/

export function isPlaceholder(secret: string): boolean {
  return PLACEHOLDER_WORDS.test(secret) || FILLER_RUN.test(secret)
}
