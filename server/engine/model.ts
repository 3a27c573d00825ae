/**
 * The plan model: a typed view of one Markdown EHCP in which every element keeps its source range.
 *
 * The model is built once per file by `parsePlan` and shared read-only by every rule, the costing, the
 * exporters and the language-server features. Nothing here knows about LSP, VS Code or the terminal.
 *
 * Positions follow unist: `line` and `column` are 1-based, `offset` is a 0-based index into the text
 * (UTF-16 code units, the same unit LSP uses by default).
 */
import type { Root, RootContent } from 'mdast';
import type { Document as YamlDocument } from 'yaml';

export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A piece of source text together with where it came from. */
export interface Span {
  text: string;
  range: Range;
}

export const SECTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J', 'K'] as const;
export type SectionLetter = (typeof SECTION_LETTERS)[number];

/** How a section heading was written (contract section 3). */
export type HeadingForm = 'canonical' | 'dotted' | 'colon' | 'dash' | 'bare';

export interface SectionHeading {
  /** The heading text without the leading hashes. */
  text: string;
  depth: number;
  form: HeadingForm;
  range: Range;
}

export interface Section {
  /** `H` is a lone, undivided H section: a defect, but still parsed so its content is not lost. */
  letter: SectionLetter | 'H';
  /** Title after the letter, e.g. "Special educational needs" (may be empty). */
  title: string;
  heading: SectionHeading;
  /** From the heading's start to the start of the next section heading (or the end of the file). */
  range: Range;
  /** The mdast blocks between this heading and the next section heading. */
  blocks: RootContent[];
  /** Blocks that carry content: everything but HTML comments, in order. */
  contentBlocks: RootContent[];
  /** Level-3 (or deeper) sub-headings naming an area of need, in order (B, E, F and any other section). */
  areas: Area[];
  /** True when the section holds only an explicit statement that there is nothing ("None.", "No health needs..."). */
  explicitNone: boolean;
  /** True when the section has no content blocks at all. */
  empty: boolean;
}

/** The four broad areas of need (SEND Code of Practice 6.28-6.35), preparing for adulthood, or a local area. */
export type AreaId =
  | 'communication-and-interaction'
  | 'cognition-and-learning'
  | 'social-emotional-and-mental-health'
  | 'sensory-and-physical'
  | 'preparing-for-adulthood'
  | `local:${string}`;

export interface Area {
  /** Heading text as written. */
  name: string;
  /** The recognised area, or null when the heading names no known area. */
  id: AreaId | null;
  heading: Span;
  depth: number;
  /** From the sub-heading to the next heading of the same or higher level, or the section's end. */
  range: Range;
  section: SectionLetter | 'H';
}

export const PFA_PATHWAYS = ['Employment', 'Independent living', 'Community participation', 'Health'] as const;
export type PfaPathway = (typeof PFA_PATHWAYS)[number];

export interface Outcome {
  /** "E1", normalised to upper case. */
  id: string;
  number: number;
  /** Full text after the id (Markdown stripped), including any PfA tag. */
  text: string;
  /** The whole list item or heading. */
  range: Range;
  idRange: Range;
  /** Range of the outcome text after the id. */
  textRange: Range;
  area: Area | null;
  pfa: { pathway: PfaPathway | null; raw: string; range: Range } | null;
  form: 'list-item' | 'heading';
}

export type ProvisionSection = 'F' | 'G' | 'H1' | 'H2';

export type ProvisionField =
  | 'provision'
  | 'outcomes'
  | 'who'
  | 'ratio'
  | 'frequency'
  | 'duration'
  | 'weeks'
  | 'cost'
  | 'advice';

export interface OutcomeRef {
  id: string;
  range: Range;
}

export interface ProvisionItem {
  section: ProvisionSection;
  /** The `H` of a lone H section is mapped to H2 for costing, but its provision is still parsed. */
  area: Area | null;
  /** A table row, a bullet, or a paragraph that states provision ("Sam will receive ..."). */
  form: 'table-row' | 'bullet' | 'paragraph';
  /** The whole row or bullet. */
  range: Range;
  /** The whole row or bullet as plain text (cells joined by " | "), Markdown stripped. */
  text: string;
  /**
   * Table rows: the cell under each recognised column. Bullets: the phrase extracted from the prose for
   * each piece of information found (absent when not found).
   */
  fields: Partial<Record<ProvisionField, Span>>;
  /** Table rows: every cell in order, with the header it sits under. */
  cells: { header: string; field: ProvisionField | null; span: Span }[];
  outcomeRefs: OutcomeRef[];
  /** 1-based index of the row among the section's provision items, in document order. */
  index: number;
}

export type AdviceKind =
  | 'parent'
  | 'educational'
  | 'medical'
  | 'psychological'
  | 'social-care'
  | 'preparing-for-adulthood'
  | 'other';

export interface AdviceRow {
  kinds: AdviceKind[];
  advice: Span;
  from: Span | null;
  date: Span | null;
  range: Range;
}

export interface Placement {
  name: Span | null;
  type: Span | null;
  /** Content of Section I other than Name/Type lines and the "not named in a draft" statement. */
  otherText: Span[];
  /** True when the section says the placement is not named (draft wording). */
  statesNotNamed: boolean;
}

export type SuppressionKind = 'disable-next-line' | 'disable' | 'enable';

export interface Suppression {
  kind: SuppressionKind;
  /** Rule ids; empty means every rule. */
  rules: string[];
  reason: string | null;
  range: Range;
  /** Lines (1-based, inclusive) the suppression covers; for `enable`, the line it closes at. */
  fromLine: number;
  toLine: number;
}

export type PlanStatus = 'draft' | 'final' | 'amendment-proposed' | 'amended' | 'ceased';
export type SettingType =
  | 'early-years'
  | 'mainstream'
  | 'resourced-provision'
  | 'special'
  | 'independent-special'
  | 'post-16'
  | 'eotas';
export type Phase = 'early-years' | 'primary' | 'middle' | 'secondary' | 'post-16';

/** An ISO date as written in the plan, with its parsed value (UTC midnight). */
export interface DateField {
  text: string;
  date: Date;
  range: Range;
}

export interface FieldSpan<T> {
  value: T;
  keyRange: Range;
  valueRange: Range;
}

/** The typed values the rules use, read from the front matter; each is absent when missing or invalid. */
export interface PlanMeta {
  status?: FieldSpan<PlanStatus>;
  localAuthority?: FieldSpan<string>;
  childName?: FieldSpan<string>;
  preferredName?: FieldSpan<string>;
  dateOfBirth?: DateField;
  yearGroup?: FieldSpan<number>;
  settingType?: FieldSpan<SettingType>;
  phase?: FieldSpan<Phase>;
  dates: Partial<Record<PlanDateKey, DateField>>;
  exceptions?: FieldSpan<string[]>;
  fundingScheme?: FieldSpan<string>;
  fundingLevel?: FieldSpan<string>;
  personalBudget?: FieldSpan<boolean>;
}

export const PLAN_DATE_KEYS = [
  'requestReceived',
  'decisionToAssess',
  'draftIssued',
  'finalIssued',
  'lastReview',
  'nextReview',
  'phaseTransfer',
] as const;
export type PlanDateKey = (typeof PLAN_DATE_KEYS)[number];

export interface FrontMatter {
  /** The YAML between the fences. */
  raw: string;
  /** Range of the whole block including the fences. */
  range: Range;
  /** Offset of the first YAML character in the file. */
  yamlOffset: number;
  /** Parsed YAML document (null only when there was no front matter). */
  document: YamlDocument.Parsed | null;
  /** Plain JS value of the YAML, or undefined when it did not parse. */
  data: unknown;
  /** True when the YAML had syntax errors. */
  syntaxError: boolean;
}

export type Severity = 'error' | 'warning' | 'info';

export interface TextEdit {
  /** 0-based offsets into the plan text. */
  startOffset: number;
  endOffset: number;
  newText: string;
}

export interface Fix {
  /** Shown as the quick-fix title, e.g. "Replace 'should' with 'will'". */
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fix?: Fix;
  /** Extra machine-readable detail for adapters (never plan text beyond the message). */
  data?: Record<string, string | number | boolean | null>;
}

export interface Plan {
  /** Source text as linted (a UTF-8 BOM is removed by the reader, never here). */
  text: string;
  /** The file the plan was read from, when known (relative scheme paths are resolved against it). */
  filePath: string | null;
  /** Why the file counts as a plan, or null when it does not (contract section 1). */
  planBy: 'front-matter' | 'file-name' | null;
  frontMatter: FrontMatter | null;
  meta: PlanMeta;
  sections: Section[];
  outcomes: Outcome[];
  provision: ProvisionItem[];
  advice: AdviceRow[];
  placement: Placement | null;
  suppressions: Suppression[];
  /** Problems the parser met (bad YAML, unreadable tables...) as findings of the rule that owns them. */
  parseFindings: Finding[];
  mdast: Root;
  /** Converts an offset to a 1-based position. */
  positionAt(offset: number): Position;
  /** Sections with this letter, in document order. */
  sectionsFor(letter: SectionLetter | 'H'): Section[];
}
