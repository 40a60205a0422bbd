// The credential scanner: secretlint over text held in memory. Its own package (not part of
// @change-policy/policy) because it brings secretlint and its ~30 provider rules, and it
// handles the secrets themselves; the policy package sees only fingerprints.
export { scanText, scanTexts, shortRuleName, type TextScan } from './scan-text'
export { fingerprintOf } from './fingerprint'
export { isPlaceholder } from './placeholders'
export { jwtRole, SUPABASE_RULE_ID } from './supabase-rule'
