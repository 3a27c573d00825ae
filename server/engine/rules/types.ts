/**
 * What a rule is: metadata next to its check. Each rule lives in its own file in this folder and is
 * listed in `registry.ts`; its doc page is `docs/rules/<id>.md`.
 */
import type { Finding, Fix, Plan, Range, SectionLetter, Severity } from '../model.js';
import type { ResolvedConfig } from '../config/types.js';

export type RuleCategory = 'structure' | 'front-matter' | 'provision' | 'outcomes' | 'golden-thread' | 'timescales' | 'funding' | 'suppression';

export interface RuleMeta {
  /** Stable kebab-case id, used in config, suppressions and reports. */
  id: string;
  category: RuleCategory;
  /** Sections the rule looks at; 'front-matter' for the YAML block. */
  sections: (SectionLetter | 'front-matter')[];
  defaultSeverity: Severity;
  /** One line, plain English: what the rule checks. */
  description: string;
  /** The regulation, Code of Practice paragraph or case the rule rests on. */
  basis: string;
  /** True when the rule can offer a fix. */
  fixable: boolean;
}

export interface ReportInput {
  range: Range;
  message: string;
  /** Overrides the rule's severity for this finding (e.g. errors in F for mainstream, warnings elsewhere). */
  severity?: Severity;
  fix?: Fix;
  data?: Finding['data'];
}

export interface RuleContext {
  plan: Plan;
  config: ResolvedConfig;
  /** The date the date rules judge against (UTC midnight). */
  asOf: Date;
  /** The severity configured for this rule (config override or default). */
  severity: Severity;
  report(finding: ReportInput): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
