/**
 * What the provision rules share: where to look in a provision item (the right table cells, or the whole
 * bullet), what the item states (frequency, duration, who, group size), the lexicon matches in it, the
 * severity the law gives a finding, and the wording of messages and fixes.
 *
 * Everything is computed once per item and lexicon and cached, so eleven rules cost one pass.
 */
import type { Fix, Plan, ProvisionField, ProvisionItem, Range, Severity } from '../../model.js';
import type { RuleContext } from '../types.js';
import { compileLexicon, findMatches, type Lexicon, type LexiconCategory, type LexiconFeature, type LexiconMatch } from '../../lexicon/index.js';

// ---------------------------------------------------------------------------------------------------
// Patterns for what an item states

const R = String.raw;
const NUM = R`(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety)`;
const PERIOD = R`(?:school\s+)?(?:day|week|fortnight|month|term|half[\s-]?term|year|lesson|session|morning|afternoon|evening|night|weekday|weekend|break(?:\s?time)?|lunch(?:\s?time)?|playtime|period|visit|meal)s?`;
const WEEKDAY = R`(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekdays?)`;

/** Whole-day or every-occasion cover: counts as both how often and how long. */
const COVER = [
  /\bthroughout\s+(?:the\s+|each\s+|every\s+)?(?:whole\s+|entire\s+)?(?:school\s+|college\s+)?(?:day|week|lessons?|year|curriculum|timetable)\b/i,
  /\b(?:all|every)\s+day\b|\bfull[\s-]time\b|\bat\s+all\s+times\b|\b(?:whole|full|entire)\s+(?:school\s+|college\s+)?(?:day|week)\b/i,
  /\b(?:in|during|for|across|at)\s+(?:all|every|each)\s+(?:of\s+(?:his|her|their)\s+)?(?:[\w-]+\s+){0,3}?(?:lessons?|subjects?|classes|sessions?|breaks?|break\s?times?|lunch\s?times?|playtimes?|transitions?|exams?|examinations|assessments|tests|written\s+work|(?:school\s+)?days?|unstructured\s+times?)\b/i,
];

export const FREQUENCY: RegExp[] = [
  /\b(?:daily|weekly|fortnightly|monthly|termly|half[\s-]?termly|annually|yearly|nightly|hourly|bi-?weekly|annual)\b/i,
  new RegExp(R`\b(?:once|twice|thrice|${NUM}\s*(?:x|×|times?))\s*(?:a|an|per|each|every)?\s*${PERIOD}\b`, 'i'),
  new RegExp(R`\b(?:once|twice|thrice|${NUM}\s*(?:x|×|times?))\s+(?:daily|weekly|fortnightly|monthly|termly|a\s+day|a\s+week)\b`, 'i'),
  /\b(?:per|a|an)\s+(?:school\s+)?(?:day|week|fortnight|month|term|half[\s-]?term|year|morning|afternoon|evening|night|weekday)\b/i,
  new RegExp(R`\b(?:each|every|per)\s+(?:other\s+)?${PERIOD}\b`, 'i'),
  new RegExp(R`\bevery\s+${NUM}\s+(?:days?|weeks?|months?|terms?|hours?|minutes?|lessons?)\b`, 'i'),
  new RegExp(R`\b(?:on|every)\s+${WEEKDAY}\b|\bmonday\s+(?:to|-|–)\s+friday\b`, 'i'),
  /\b(?:start|end|beginning)\s+(?:and\s+(?:end|start)\s+)?of\s+(?:each|every|the)\s+(?:school\s+)?(?:day|lesson|session|week|morning|afternoon|term)\b/i,
  /\bone[\s-]off\b/i,
  new RegExp(R`\b${NUM}\s+(?:sessions?|visits?|lessons?|blocks?|appointments?|nights?|days?)\s+(?:over|across|during|in|within|each|per|a|an)\s+(?:the\s+|a\s+|an\s+|each\s+)?(?:\w+\s+)?(?:day|week|fortnight|month|term|half[\s-]?term|year)s?\b`, 'i'),
  new RegExp(R`\b${NUM}\s+(?:weekly\s+|daily\s+)?(?:sessions?|visits?|lessons?|appointments?)\b[^.;|]{0,60}?\b(?:over|across|during|within)\s+(?:the\s+|a\s+|an\s+|each\s+|one\s+)?(?:\w+\s+)?(?:term|half[\s-]?term|year|month|weeks?)\b`, 'i'),
  // a stated trigger: "when Sam has a seizure", "each time she becomes distressed"
  /\b(?:[Ww]hen(?:ever)?|[Ii]f|[Ee]ach\s+time|[Ee]very\s+time)\s+(?:he|she|they|[A-Z][a-z]+)\s+(?:has|have|is|are|becomes?|shows?|experiences?|displays?|starts?|begins?)\b/,
  ...COVER,
];

export const DURATION: RegExp[] = [
  new RegExp(R`\b${NUM}(?:\s*(?:-|–|to)\s*${NUM})?[\s-]*(?:minutes?|mins?|hours?|hrs?|h)\b`, 'i'),
  new RegExp(R`\b(?:half\s+an?\s+hour|an\s+hour|a\s+half[\s-]day|half[\s-]days?|a\s+full\s+day|full[\s-]days?|overnight|${NUM}\s+(?:full\s+)?(?:days?|nights?|half[\s-]days?|lessons?|periods?|weekends?))\b`, 'i'),
  /\bfor\s+the\s+(?:whole\s+|full\s+|entire\s+)?(?:duration\s+of\s+)?(?:the\s+|each\s+|every\s+|his\s+|her\s+|their\s+)?(?:lesson|session|day|break|lunch\s?time|journey|school\s+day)s?\b/i,
  /\b(?:each|every|per)\s+(?:lesson|break|lunch\s?time|playtime)\b/i,
  ...COVER,
];

export const MINIMUM = new RegExp(R`\b(?:at\s+least|a\s+minimum\s+of|minimum\s+of|no\s+(?:fewer|less)\s+than|not\s+less\s+than)\s+(?:${NUM}|once|twice)\b`, 'i');

const THERAPIST = R`(?:speech\s+(?:and|&)\s+language\s+therapists?|SaLTs?|SLTs?|occupational\s+therapists?|OTs?|physiotherapists?|physios?|(?:educational|clinical)\s+psychologists?|EPs?|psychologists?|therapists?|specialist\s+teachers?|advisory\s+teachers?|teachers?\s+of\s+the\s+deaf|QToDs?|QTVIs?)`;
const THERAPIST_RE = new RegExp(R`\b${THERAPIST}\b`, 'i');
const THERAPIST_TIME: RegExp[] = [
  new RegExp(R`\b${THERAPIST},?\s+(?:who\s+)?(?:will\s+)?(?:visit|see|work|deliver|provide|spend|review|train|assess|meet|observe|model|run|lead|give)\w*\b[^.;|]{0,80}?\b${NUM}[\s-]*(?:minutes?|mins?|hours?|hrs?|sessions?|visits?)\b`, 'i'),
  new RegExp(R`\b${NUM}[\s-]*(?:minutes?|mins?|hours?|hrs?|sessions?|visits?)\s+(?:a|per|each)?\s*(?:\w+\s+)?(?:of\s+)?(?:direct\s+|indirect\s+)?(?:${THERAPIST}|(?:speech\s+and\s+language\s+|occupational\s+|physio)?therapy)\s*(?:time|input|visits?|sessions?|support)?\b`, 'i'),
];

/** Items that are equipment or an adjustment, not a session: how often / how long / who do not apply. */
const EQUIPMENT = /\b(?:equipment|laptop|computer|tablet|iPad|chromebook|software|device|radio\s+aid|hearing\s+aids?|soundfield|ear\s+defenders|headphones|writing\s+slope|sloped\s+(?:writing\s+)?board|pencil\s+grips?|wobble\s+cushion|move[\s-]?n[\s-]?sit|fidget\w*|chair|seating|desk|standing\s+frame|hoist|wheelchair|walker|splints?|overlays?|magnifier|braille\w*|enlarged|large\s+print|modified\s+(?:print|papers?|resources)|visual\s+timetable|communication\s+(?:aid|book|board)|AAC|PECS|timer|workstation|exams?|examinations|extra\s+time|additional\s+time|separate\s+room|reader|scribe|rest\s+breaks?|access\s+arrangements|transport|taxi|adapted|furniture|ramp|changing\s+(?:bed|table|facilities))\b/i;
const SESSION = /\b(?:sessions?|therapy|teaching|taught|tuition|tutoring|lessons?|interventions?|programme|groups?|mentoring|counselling|coaching|practice|practise|support\s+from|delivered|club|check-ins?|training|trained\s+to\s+use)\b/i;
/** Items where a session length does not apply (a one-off assessment, an appointment, a medical review). */
const ONE_OFF = /\bone[\s-]off\b/i;
const NO_DURATION = /\b(?:appointments?|clinic|referrals?)\b/i;

const QUALIFIED_ROLE = new RegExp(
  [
    R`speech\s+(?:and|&)\s+language\s+therapists?`, R`SaLTs?`, R`SLTs?`, R`occupational\s+therapists?`, R`OTs?`, R`physiotherapists?`, R`physios?`,
    R`(?:educational|clinical|counselling|assistant)\s+psychologists?`, R`\w*psychologists?`, R`\w*psychiatrists?`, R`paediatricians?`, R`EPs?`,
    R`nurses?`, R`dietitians?`, R`dieticians?`, R`teachers?\s+of\s+(?:the\s+)?(?:deaf|visually\s+impaired|hearing\s+impaired|multi-sensory\s+impaired)`,
    R`QTVIs?`, R`QToDs?`, R`ToDs?`, R`QTMSI`, R`teachers?`, R`SENCOs?`, R`SENDCOs?`, R`HLTAs?`, R`higher\s+level\s+teaching\s+assistants?`,
    R`ELSAs?`, R`emotional\s+literacy\s+support\s+assistants?`, R`\w*therapists?`, R`psychotherapists?`, R`counsellors?`, R`social\s+workers?`,
    R`(?:mobility|habilitation)\s+(?:and\s+(?:habilitation|independence)\s+)?(?:officers?|specialists?|instructors?)`, R`behaviour\s+analysts?`, R`BCBAs?`,
    R`orthoptists?`, R`audiologists?`, R`(?:dyslexia|autism|sensory|SpLD)\s+(?:specialist|advisory|outreach)?\s*(?:teachers?|specialists?|practitioners?)`,
    R`CAMHS\s+(?:practitioners?|clinicians?|workers?)`, R`(?:educational\s+)?mental\s+health\s+(?:practitioners?|workers?)`, R`EMHPs?`, R`consultants?`,
    R`doctors?`, R`GPs?`, R`lecturers?`, R`careers\s+advis[eo]rs?`, R`registered\s+managers?`, R`orthotists?`, R`podiatrists?`,
  ]
    .map((r) => `\\b${r}\\b`)
    .join('|'),
  'i',
);
const TRAINABLE_ROLE = new RegExp(
  [
    R`teaching\s+assistants?`, R`TAs?`, R`LSAs?`, R`learning\s+support\s+assistants?`, R`(?:SEN|SEND|classroom|learning|pupil|student)\s+(?:support\s+)?assistants?`,
    R`support\s+assistants?`, R`assistants?`, R`key\s*workers?`, R`key\s+persons?`, R`(?:learning\s+)?mentors?`, R`(?:family|youth|support|care|outreach)\s+workers?`,
    R`personal\s+assistants?`, R`PAs?`, R`carers?`, R`tutors?`, R`(?:early\s+years\s+)?practitioners?`, R`nursery\s+nurses?`, R`(?:lunchtime|midday)\s+(?:supervisors?|assistants?)`,
    R`(?:inclusion|pastoral|behaviour|SEMH|wellbeing|attendance)\s+(?:leads?|managers?|officers?|workers?|mentors?|coordinators?)`, R`instructors?`, R`coach(?:es)?`,
    R`travel\s+trainers?`, R`interveners?`, R`communicators?`, R`volunteers?`, R`(?:portage\s+)?(?:home\s+)?visitors?`, R`(?:residential|care|short[\s-]break)\s+staff`,
  ]
    .map((r) => `\\b${r}\\b`)
    .join('|'),
  'i',
);
/**
 * Other roles and the services that deliver health and social care provision (a clinic, a team, an agency):
 * a reader knows who to hold to it. Only words that name no one ("staff", "an adult", "the school") fail.
 */
const OTHER_ROLE_OR_SERVICE =
  /\b(?:leaders?|officers?|specialists?|consultants?|clinicians?|doctors?|GPs?|surgeons?|managers?|co-?ordinators?|facilitators?|lecturers?|buddy|buddies|workers?|advisers?|advisors?|instructors?|engineers?|technicians?|teams?|services?|clinics?|agency|agencies|providers?|units?|hospitals?|charity|charities|clubs?|department|practice|trust|CAMHS|NHS|hospice|foster\s+carers?|childminders?)\b/i;

const TRAINING = new RegExp(
  [
    R`\btrained\s+(?:in|by|to|as|on|for)\b`, R`\b[\w-]+-(?:trained|accredited|qualified|registered|certified)\b`, R`\b(?:completed|received|attended|holds?|holding|has\s+had|with|having|who\s+has)\s+(?:[\w-]+\s+){0,5}?(?:training|qualification|certificate|accreditation)\b`,
    R`\btraining\s+(?:in|on|from|by)\b`, R`(?<!(?:suitably|appropriately|adequately|fully|properly|specially|relevantly)\s+)\b(?:qualified|accredited|registered|certified|licensed)\b`,
    R`\bQTS\b`, R`\bNPQ\w*`, R`\bNASENCO\b`, R`\bLevel\s+[2-7]\b`, R`\b(?:supervised|overseen)\s+(?:weekly\s+|termly\s+)?by\s+(?:a|an|the)\s+\w+`, R`\bunder\s+the\s+supervision\s+of\b`,
    R`\bHCPC\b`, R`\bBACP\b`, R`\bUKCP\b`, R`\bNMC\b`, R`\bdiploma\b`, R`\bdegree\b`, R`\bexperienced\s+in\s+\w+`,
  ].join('|'),
  'i',
);
const DELIVERY_CLAUSE = /\b(?:delivered|provided|led|run|taught|carried\s+out|implemented|facilitated|given)\s+by\b[^.;|]*/gi;

const GROUP_MENTION =
  /(?<!\b(?:year|age|peer|key\s+stage|tutor|form|ethnic|blood|focus|parent|parents|parents'|parents’)\s+)\bgroups?\b(?!\s+(?:leader|of\s+(?:professionals|staff|adults|parents)))|\b(?:small|smaller)\s+class(?:es)?\b|\bclass\s+sizes?\b|\bratios?\b/i;
const GROUP_SIZE: RegExp[] = [
  /(?<![\d:.])\b[1-4]\s*:\s*(?:[1-9]|1\d|20)\b(?![\d:]|\s*(?:am|pm)\b)/i,
  /\b(?:one|1)[\s-]*(?:to|-)[\s-]*(?:one|1)\b|\b(?:two|2)[\s-]*(?:to|-)[\s-]*(?:one|1)\b|\bindividual(?:ly)?\b|\bon\s+(?:his|her|their)\s+own\b|\bpaired\b|\bin\s+(?:a\s+)?pairs?\b|\bwith\s+(?:a|one)\s+(?:peer|partner|other\s+pupil)\b|\bpartner\s+work\b|\bwhole[\s-]class\b/i,
  new RegExp(R`\b(?:groups?|class(?:es)?|sets?)\s+of\s+(?:no\s+more\s+than\s+|not\s+more\s+than\s+|up\s+to\s+|at\s+most\s+|a\s+maximum\s+of\s+|maximum\s+|max\.?\s+|between\s+)?${NUM}\b`, 'i'),
  new RegExp(R`\b${NUM}(?:\s*(?:-|–|to|or)\s*${NUM})?\s+(?:other\s+)?(?:pupils|children|students|learners|young\s+people|peers|CYP)\b`, 'i'),
  new RegExp(R`\b(?:no\s+more\s+than|not\s+more\s+than|maximum(?:\s+of)?|max\.?|at\s+most|up\s+to)\s+${NUM}\b`, 'i'),
  new RegExp(R`\b${NUM}[\s-](?:pupil|child|student|learner)\s+(?:group|class)\b`, 'i'),
];

/** "n/a", "-", "none", "not applicable": a cell filled in to say the column does not apply. */
const NOT_APPLICABLE = /^\s*(?:n\/?a|not\s+applicable|-+|–|—|none)\s*\.?\s*$/i;

export const anyMatch = (patterns: RegExp[], text: string): boolean => patterns.some((p) => p.test(text));
export const firstMatch = (pattern: RegExp, text: string): RegExpExecArray | null => pattern.exec(text);

// ---------------------------------------------------------------------------------------------------
// Where to look

/** A stretch of source to search: the text (comments and emphasis masked, same length) and its offset. */
export interface Zone {
  start: number;
  text: string;
  field: ProvisionField | null;
}

/** A table cell's place in the source, also for empty cells (whose span is zero-length). */
export interface CellInfo {
  field: ProvisionField | null;
  /** Content range (trimmed). */
  start: number;
  end: number;
  text: string;
  empty: boolean;
  notApplicable: boolean;
}

/** Fields whose cells hold no provision wording (ids, money, week counts, the advice source). */
const SKIPPED_FIELDS = new Set<ProvisionField>(['outcomes', 'weeks', 'cost', 'advice']);

/** Replaces HTML comments and Markdown emphasis/code marks with spaces, keeping offsets. */
export function maskSource(source: string): string {
  return source.replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n\r]/g, ' ')).replace(/[*`]|__/g, (m) => ' '.repeat(m.length));
}

export interface ItemView {
  item: ProvisionItem;
  plan: Plan;
  /** Every searchable zone of the item (table: the provision-wording cells; bullet: the whole bullet). */
  zones: Zone[];
  /** Table rows: the cells by field (first cell of each field). */
  cells: Partial<Record<ProvisionField, CellInfo>>;
  /** Every lexicon match in the item, overlaps resolved, conditions applied, in source order. */
  matches: LexiconMatch[];
  states: {
    frequency: boolean;
    duration: boolean;
    minimum: boolean;
    therapistTime: boolean;
  };
  /** Equipment or an adjustment rather than a session. */
  nonSession: boolean;
  /** A one-off, an appointment or a review: no session length expected. */
  noDuration: boolean;
}

function cellInfo(plan: Plan, field: ProvisionField | null, start: number, end: number, text: string): CellInfo {
  return { field, start, end, text: plan.text.slice(start, end), empty: text.trim() === '', notApplicable: NOT_APPLICABLE.test(text) };
}

const cache = new WeakMap<ProvisionItem, Map<Lexicon, ItemView>>();

export function lexiconFor(context: RuleContext): Lexicon {
  return compileLexicon(context.config.lexicon);
}

export function viewOf(context: RuleContext, item: ProvisionItem): ItemView {
  const lexicon = lexiconFor(context);
  let byLexicon = cache.get(item);
  if (!byLexicon) {
    byLexicon = new Map();
    cache.set(item, byLexicon);
  }
  const cached = byLexicon.get(lexicon);
  if (cached) return cached;
  const view = buildView(context.plan, item, lexicon);
  byLexicon.set(lexicon, view);
  return view;
}

function buildView(plan: Plan, item: ProvisionItem, lexicon: Lexicon): ItemView {
  const zones: Zone[] = [];
  const cells: Partial<Record<ProvisionField, CellInfo>> = {};
  if (item.form === 'table-row') {
    for (const cell of item.cells) {
      const start = cell.span.range.start.offset;
      const end = cell.span.range.end.offset;
      if (cell.field && !cells[cell.field]) cells[cell.field] = cellInfo(plan, cell.field, start, end, cell.span.text);
      if (cell.field && SKIPPED_FIELDS.has(cell.field)) continue;
      if (end > start) zones.push({ start, text: maskSource(plan.text.slice(start, end)), field: cell.field });
    }
  } else {
    const start = item.range.start.offset;
    let text = maskSource(plan.text.slice(start, item.range.end.offset));
    for (const field of ['cost', 'outcomes'] as const) {
      const span = item.fields[field];
      if (!span) continue;
      const a = span.range.start.offset - start;
      const b = span.range.end.offset - start;
      if (a >= 0 && b <= text.length) text = text.slice(0, a) + text.slice(a, b).replace(/[^\n\r]/g, ' ') + text.slice(b);
    }
    zones.push({ start, text, field: null });
  }
  const whole = zones.map((z) => z.text).join(' | ');
  const states = {
    frequency: anyMatch(FREQUENCY, whole),
    duration: anyMatch(DURATION, whole),
    minimum: MINIMUM.test(whole),
    therapistTime: anyMatch(THERAPIST_TIME, whole) || (cells.who !== undefined && THERAPIST_RE.test(cells.who.text) && !!cells.duration && anyMatch(DURATION, cells.duration.text)),
  };
  const has = (feature: LexiconFeature): boolean =>
    feature === 'frequency' ? states.frequency : feature === 'duration' ? states.duration : feature === 'minimum' ? states.minimum : states.therapistTime;
  const matches = zones.flatMap((zone) => findMatches(lexicon, zone.text, { baseOffset: zone.start, has, itemText: whole }));
  const namesPeople = QUALIFIED_ROLE.test(whole) || TRAINABLE_ROLE.test(whole) || matches.some((m) => m.entry.category === 'deliverer') || /\bstaff\b/i.test(whole);
  const nonSession = EQUIPMENT.test(whole) && !SESSION.test(whole) && !namesPeople;
  const noDuration = nonSession || ONE_OFF.test(whole) || (NO_DURATION.test(whole) && !SESSION.test(whole));
  return { item, plan, zones, cells, matches, states, nonSession, noDuration };
}

/** Matches of some categories, in source order. */
export function matchesOf(view: ItemView, ...categories: LexiconCategory[]): LexiconMatch[] {
  return view.matches.filter((m) => categories.includes(m.entry.category));
}

/** Zones restricted to some table fields (all zones for a bullet, or when the row has none of those cells). */
export function zonesFor(view: ItemView, fields: ProvisionField[]): { zones: Zone[]; fromCells: boolean } {
  if (view.item.form !== 'table-row') return { zones: view.zones, fromCells: false };
  const hasCell = fields.some((f) => view.cells[f] !== undefined);
  if (!hasCell) return { zones: view.zones, fromCells: false };
  const zones = fields.flatMap((f) => {
    const cell = view.cells[f];
    return cell && !cell.empty ? [{ start: cell.start, text: maskSource(cell.text), field: f }] : [];
  });
  return { zones, fromCells: true };
}

export const zoneText = (zones: Zone[]): string => zones.map((z) => z.text).join(' | ');

// ---------------------------------------------------------------------------------------------------
// Who, group size

export interface DelivererVerdict {
  ok: boolean;
  /** What was found: a qualified role, a role without training, or nothing. */
  kind: 'qualified' | 'trained' | 'untrained-role' | 'none';
  role: string | null;
}

/**
 * Judges who delivers. In F and G the role must come with a qualification or training (CoP 9.69 "level of
 * expertise"); in H1/H2 (social care: personal assistants, support workers, carers) a named role is enough.
 */
export function judgeDeliverer(text: string, roleIsEnough = false): DelivererVerdict {
  const clauses = [...text.matchAll(DELIVERY_CLAUSE)].map((m) => m[0]).filter((c) => QUALIFIED_ROLE.test(c) || TRAINABLE_ROLE.test(c));
  const judged = clauses.length > 0 ? clauses.join(' ; ') : text;
  const qualified = QUALIFIED_ROLE.exec(judged);
  if (qualified) return { ok: true, kind: 'qualified', role: qualified[0] };
  const trainable = TRAINABLE_ROLE.exec(judged);
  if (trainable) {
    if (TRAINING.test(judged)) return { ok: true, kind: 'trained', role: trainable[0] };
    return { ok: roleIsEnough, kind: 'untrained-role', role: trainable[0] };
  }
  const other = OTHER_ROLE_OR_SERVICE.exec(judged);
  if (other) return { ok: roleIsEnough || TRAINING.test(judged), kind: TRAINING.test(judged) ? 'trained' : 'untrained-role', role: other[0] };
  return { ok: false, kind: 'none', role: null };
}

export function mentionsGroup(text: string): RegExpExecArray | null {
  return GROUP_MENTION.exec(text);
}

export function statesGroupSize(text: string): boolean {
  return anyMatch(GROUP_SIZE, text);
}

// ---------------------------------------------------------------------------------------------------
// Severity, ranges, messages, fixes

const STRICT_SETTINGS = new Set(['mainstream', 'eotas']);

/**
 * The severity the law gives a finding: `setting` rules are errors in Section F when the setting is
 * mainstream or EOTAS (or not stated) and warnings otherwise; `any-setting` rules are errors in F whatever
 * the setting. Everything in G, H1 and H2 is a warning. A severity set in the config wins.
 */
export function severityFor(context: RuleContext, ruleId: string, item: ProvisionItem, policy: 'setting' | 'any-setting'): Severity {
  const configured = context.config.rules[ruleId];
  if (configured !== undefined && configured !== 'off') return context.severity;
  if (item.section !== 'F') return 'warning';
  if (policy === 'any-setting') return 'error';
  const setting = context.plan.meta.settingType?.value;
  return setting === undefined || STRICT_SETTINGS.has(setting) ? 'error' : 'warning';
}

export function rangeAt(plan: Plan, start: number, end: number): Range {
  return { start: plan.positionAt(start), end: plan.positionAt(end) };
}

/** Where to put a finding about something missing: a non-empty cell of the field, else the provision cell, else the item's first line. */
export function missingRange(view: ItemView, field: ProvisionField): Range {
  const plan = view.plan;
  const cell = view.cells[field];
  if (cell && !cell.empty) return rangeAt(plan, cell.start, cell.end);
  const provision = view.cells.provision ?? null;
  if (provision && !provision.empty) return rangeAt(plan, provision.start, provision.end);
  const start = view.item.range.start.offset;
  const lineEnd = plan.text.slice(start, view.item.range.end.offset).search(/\r?\n/);
  return rangeAt(plan, start, lineEnd < 0 ? view.item.range.end.offset : start + lineEnd);
}

/** A fix that fills an empty table cell with a visible placeholder (the cell is found between its pipes). */
export function fillEmptyCell(view: ItemView, field: ProvisionField, placeholder: string, title: string): Fix | undefined {
  const cell = view.cells[field];
  if (!cell || !cell.empty) return undefined;
  const text = view.plan.text;
  let left = cell.start;
  while (left > 0 && text[left - 1] !== '|' && text[left - 1] !== '\n') left--;
  let right = cell.start;
  while (right < text.length && text[right] !== '|' && text[right] !== '\n' && text[right] !== '\r') right++;
  if (text[left - 1] !== '|' || text[right] !== '|') return undefined;
  return { title, edits: [{ startOffset: left, endOffset: right, newText: ` ${placeholder} ` }] };
}

/** The phrases named in a message: "access to", "as required" (each once). */
export function quoteAll(matches: LexiconMatch[]): string {
  const seen: string[] = [];
  for (const m of matches) {
    const t = m.text.trim().replace(/\s+/g, ' ');
    if (!seen.some((s) => s.toLowerCase() === t.toLowerCase())) seen.push(t);
  }
  return seen.map((s) => `"${s}"`).join(', ');
}

/** Why each (distinct) phrase fails and how to write it, for the first `limit` phrases. */
export function explain(_plan: Plan, matches: LexiconMatch[], limit = 2): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const m of matches) {
    if (seen.has(m.entry.id)) continue;
    seen.add(m.entry.id);
    if (parts.length >= limit) break;
    const rewrite = m.entry.rewrite; // keeps its [Name] placeholder: no personal data in findings
    parts.push(`${m.entry.why} Write instead: ${rewrite}.`);
  }
  return parts.join(' ');
}

/** Keeps the case of the first letter of what is replaced ("Should" → "Will"). */
export function matchCase(original: string, replacement: string): string {
  const first = original.trimStart()[0];
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

export function provisionItems(plan: Plan): ProvisionItem[] {
  return plan.provision.filter((item) => item.section === 'F' || item.section === 'G' || item.section === 'H1' || item.section === 'H2');
}

export function sectionName(item: ProvisionItem): string {
  return `Section ${item.section}`;
}
