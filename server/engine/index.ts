/** The engine's public face: what the CLI, the language server and the extension use. */
export type * from './model.js';
export { SECTION_LETTERS, PLAN_DATE_KEYS, PFA_PATHWAYS } from './model.js';
export type { Rule, RuleMeta, RuleContext } from './rules/types.js';
export type { EhcpConfig, ResolvedConfig } from './config/types.js';
export { DEFAULT_CONFIG } from './config/types.js';
export { parsePlan, isPlanText } from './parse/index.js';
export { ChunkCache } from './parse/markdown.js';
export { lintText, lintPlan, todayUtc, sortFindings, type LintOptions, type LintResult } from './lint.js';
export { allRules, ruleById } from './rules/registry.js';
export { ConfigError, ConfigFinder, loadConfigFile, parseConfigText, CONFIG_NAMES } from './config/load.js';
export { parseIsoDate } from './parse/frontmatter.js';
