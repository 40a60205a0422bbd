// The lint rules' names alone, for validating a policy's `migrations.rules` in every action
// without bundling the parser or the engines (the rule modules import only their types).
export { RULE_NAMES } from './rule-registry'
