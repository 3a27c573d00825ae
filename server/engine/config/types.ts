/** The configuration a council (or a user) sets in `.ehcprc.json` / `.ehcprc.yaml`. */
import type { Severity } from '../model.js';

export type RuleSetting = Severity | 'off';

export interface LexiconEntryConfig {
  /** Phrase or regular expression source (when `regex` is true). */
  phrase: string;
  regex?: boolean;
  why: string;
  rewrite: string;
  /** Optional: an id for messages and `lexicon.disable`, the check that reports it, and the fix's placeholder text. */
  id?: string;
  category?: string;
  stub?: string;
}

export interface EhcpConfig {
  /** Per-rule severity, or "off". */
  rules?: Record<string, RuleSetting>;
  /** Extra area-of-need headings a council uses (e.g. "Independence and self-help"). */
  areasOfNeed?: string[];
  /** Folders or files holding funding schemes (relative to the config file). */
  fundingSchemes?: string[];
  /** Vague-phrase lexicon changes. */
  lexicon?: { add?: LexiconEntryConfig[]; disable?: string[] };
}

/** Config after loading: paths made absolute, defaults applied, with where it came from. */
export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  areasOfNeed: string[];
  fundingSchemePaths: string[];
  lexicon: { add: LexiconEntryConfig[]; disable: string[] };
  /** The config file used, or null for defaults. */
  source: string | null;
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  rules: {},
  areasOfNeed: [],
  fundingSchemePaths: [],
  lexicon: { add: [], disable: [] },
  source: null,
};
