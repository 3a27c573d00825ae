/**
 * What the PDF and HTML exporters share: the cover facts, the running-header text, the body blocks, how
 * each heading maps to a document level, anchors, the contents entries and the fixed document dates.
 *
 * Everything here is derived from the plan alone (never from the clock or the machine), so the same plan
 * always gives the same document.
 */
import type { Heading, Nodes, Root, RootContent, Definition } from 'mdast';
import type { Plan, PlanDateKey, PlanStatus, Section } from '../model.js';

export const DOCUMENT_LANG = 'en-GB';
export const DEFAULT_TITLE = 'Education, Health and Care Plan';

export interface CoverField {
  label: string;
  value: string;
}

/** How one Markdown heading appears in the exported document. */
export interface HeadingInfo {
  /** Anchor id, unique in the document (e.g. `section-b`, `section-b-communication-and-interaction`). */
  id: string;
  /** Document level: 1 for a statutory section, 2 for an area of need or other sub-heading, up to 6. */
  level: number;
  text: string;
  /** True for a statutory section heading (A-K). */
  isSection: boolean;
  /** Shown in the contents and the bookmarks (sections and their direct sub-headings). */
  inContents: boolean;
  /** For contents entries below a section: the id of that section's entry. */
  parentId: string | null;
}

export interface ContentsEntry {
  id: string;
  text: string;
  level: 1 | 2;
  parentId: string | null;
}

export interface PreparedPlan {
  title: string;
  childName: string;
  status: PlanStatus | null;
  statusLabel: string | null;
  /** True for draft and amendment-proposed plans: the exports carry a DRAFT watermark. */
  draft: boolean;
  /** e.g. "Draft issued 1 May 2026", or null when the plan has no dates. */
  planDateText: string | null;
  /** Running header text, e.g. "Alex Morgan · Education, Health and Care Plan · Draft issued 1 May 2026". */
  runningHeader: string;
  cover: CoverField[];
  /** Body blocks in order: front matter, the title heading and comments removed. */
  blocks: RootContent[];
  headings: Map<Heading, HeadingInfo>;
  contents: ContentsEntry[];
  /** Link reference definitions by normalised label. */
  definitions: Map<string, Definition>;
  /** Fixed creation and modification dates taken from the plan (never the clock). */
  creationDate: Date;
  modDate: Date;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "1 May 2026" from a UTC date, without Intl (identical output on every machine). */
export function formatDate(d: Date): string {
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

const STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Draft',
  final: 'Final',
  'amendment-proposed': 'Amendment proposed (draft)',
  amended: 'Final (amended)',
  ceased: 'Ceased',
};

const DATE_LABELS: Record<PlanDateKey, string> = {
  requestReceived: 'Request for assessment received',
  decisionToAssess: 'Decision to assess',
  draftIssued: 'Draft issued',
  finalIssued: 'Final plan issued',
  lastReview: 'Last annual review',
  nextReview: 'Next annual review due',
  phaseTransfer: 'Phase transfer',
};

const SETTING_LABELS: Record<string, string> = {
  'early-years': 'Early years setting',
  mainstream: 'Mainstream',
  'resourced-provision': 'Resourced provision',
  special: 'Special school',
  'independent-special': 'Independent special school',
  'post-16': 'Post-16 institution',
  eotas: 'Education otherwise than at school',
};

function yearGroupLabel(y: number): string {
  if (y === -2) return 'Nursery 1';
  if (y === -1) return 'Nursery 2';
  if (y === 0) return 'Reception';
  return `Year ${y}`;
}

/** The date that identifies this version of the plan, with its label. */
function planDate(plan: Plan): { label: string; date: Date } | null {
  const d = plan.meta.dates;
  const status = plan.meta.status?.value;
  const order: PlanDateKey[] =
    status === 'draft'
      ? ['draftIssued', 'decisionToAssess', 'requestReceived', 'finalIssued', 'lastReview']
      : status === 'amendment-proposed' || status === 'amended'
        ? ['lastReview', 'finalIssued', 'draftIssued', 'decisionToAssess', 'requestReceived']
        : ['finalIssued', 'lastReview', 'draftIssued', 'decisionToAssess', 'requestReceived'];
  for (const k of order) {
    const f = d[k];
    if (f) return { label: DATE_LABELS[k], date: f.date };
  }
  return null;
}

/** A fixed date used when the plan has none, so output stays deterministic. */
const FALLBACK_DATE = new Date(Date.UTC(2000, 0, 1));

export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'heading';
}

function startOffset(n: { position?: { start: { offset?: number } } }): number | null {
  return n.position?.start.offset ?? null;
}

function isCommentOnly(n: RootContent): boolean {
  return n.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(n.value);
}

/** Plain text of a node, leaving out raw HTML (comments such as suppressions or test markers). */
export function plainText(node: Nodes): string {
  if (node.type === 'html') return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node && Array.isArray(node.children)) return (node.children as Nodes[]).map(plainText).join('');
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  return '';
}

export function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function prepare(plan: Plan): PreparedPlan {
  const meta = plan.meta;
  const root: Root = plan.mdast;
  const childName = meta.childName?.value?.trim() || 'Name not given';
  const status = meta.status?.value ?? null;
  const statusLabel = status ? STATUS_LABELS[status] : null;
  const draft = status === 'draft' || status === 'amendment-proposed';
  const pd = planDate(plan);
  const planDateText = pd ? `${pd.label} ${formatDate(pd.date)}` : null;

  // Body blocks: drop front matter and comments; a leading level-1 heading that is not a section is the title.
  const sectionByOffset = new Map<number, Section>();
  for (const s of plan.sections) sectionByOffset.set(s.heading.range.start.offset, s);
  const isSectionHeading = (n: RootContent): boolean => {
    const o = startOffset(n);
    return n.type === 'heading' && o !== null && sectionByOffset.has(o);
  };
  let title = meta.childName?.value?.trim() ? `${DEFAULT_TITLE}: ${childName}` : DEFAULT_TITLE;
  const blocks: RootContent[] = [];
  const definitions = new Map<string, Definition>();
  let titleTaken = false;
  for (const n of root.children) {
    if (n.type === 'yaml' || isCommentOnly(n)) continue;
    if (n.type === 'definition') {
      definitions.set(normaliseLabel(n.label ?? n.identifier), n);
      continue;
    }
    if (!titleTaken && blocks.length === 0 && n.type === 'heading' && n.depth === 1 && !isSectionHeading(n)) {
      const t = plainText(n).trim().replace(/\s+/g, ' ');
      if (t) title = t;
      titleTaken = true;
      continue;
    }
    blocks.push(n);
  }

  // Heading levels and anchors.
  const headings = new Map<Heading, HeadingInfo>();
  const contents: ContentsEntry[] = [];
  const used = new Set<string>(['cover', 'contents', 'costing-annex']);
  const uniqueId = (base: string): string => {
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
    used.add(id);
    return id;
  };
  let current: { depth: number; id: string } | null = null;
  for (const n of blocks) {
    if (n.type !== 'heading') continue;
    const text = plainText(n).trim().replace(/\s+/g, ' ');
    const sec = sectionByOffset.get(startOffset(n) ?? -1);
    if (sec) {
      const id = uniqueId(`section-${slug(sec.letter)}`);
      current = { depth: n.depth, id };
      headings.set(n, { id, level: 1, text, isSection: true, inContents: true, parentId: null });
      contents.push({ id, text, level: 1, parentId: null });
      continue;
    }
    if (!current) {
      const id = uniqueId(slug(text));
      headings.set(n, { id, level: Math.min(6, Math.max(2, n.depth)), text, isSection: false, inContents: false, parentId: null });
      continue;
    }
    const level = Math.min(6, Math.max(2, 1 + n.depth - current.depth));
    const id = uniqueId(`${current.id}-${slug(text)}`);
    const inContents = level === 2;
    headings.set(n, { id, level, text, isSection: false, inContents, parentId: inContents ? current.id : null });
    if (inContents) contents.push({ id, text, level: 2, parentId: current.id });
  }

  // Cover facts.
  const cover: CoverField[] = [];
  const name = meta.preferredName?.value && meta.preferredName.value !== meta.childName?.value
    ? `${childName} (known as ${meta.preferredName.value})`
    : childName;
  cover.push({ label: 'Name', value: name });
  if (meta.dateOfBirth) cover.push({ label: 'Date of birth', value: formatDate(meta.dateOfBirth.date) });
  if (meta.yearGroup) cover.push({ label: 'Year group', value: yearGroupLabel(meta.yearGroup.value) });
  if (meta.localAuthority?.value) cover.push({ label: 'Local authority', value: meta.localAuthority.value });
  if (meta.settingType) {
    const phase = meta.phase?.value ? `, ${meta.phase.value.replace(/-/g, ' ')}` : '';
    cover.push({ label: 'Setting', value: `${SETTING_LABELS[meta.settingType.value] ?? meta.settingType.value}${phase}` });
  }
  cover.push({ label: 'Plan status', value: statusLabel ?? 'Not stated' });
  for (const k of ['requestReceived', 'decisionToAssess', 'draftIssued', 'finalIssued', 'lastReview', 'nextReview', 'phaseTransfer'] as const) {
    const f = meta.dates[k];
    if (f) cover.push({ label: DATE_LABELS[k], value: formatDate(f.date) });
  }

  const creationDate = pd?.date ?? FALLBACK_DATE;
  let modDate = creationDate;
  for (const k of ['requestReceived', 'decisionToAssess', 'draftIssued', 'finalIssued', 'lastReview'] as const) {
    const f = meta.dates[k];
    if (f && f.date.getTime() > modDate.getTime()) modDate = f.date;
  }

  const runningHeader = [childName, DEFAULT_TITLE, planDateText].filter(Boolean).join(' · ');

  return {
    title,
    childName,
    status,
    statusLabel,
    draft,
    planDateText,
    runningHeader,
    cover,
    blocks,
    headings,
    contents,
    definitions,
    creationDate,
    modDate,
  };
}

/** Link targets allowed in exports: web, mail and phone links, and in-document anchors. Anything else is dropped. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const u = url.trim();
  if (u.startsWith('#')) return u;
  if (/^(https?:|mailto:|tel:)/i.test(u)) return u;
  return null;
}
