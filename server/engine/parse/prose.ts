/**
 * Reading the pieces of a provision item out of a prose bullet ("Sam will receive 3 x 30 minutes per
 * week of ... 1:1 from a qualified speech and language therapist (E1, E2)."). Each finder returns the
 * phrase's offsets within the text it was given; the caller adds the bullet's base offset.
 *
 * These find *where* the information is written; turning a phrase into numbers is the costing
 * module's job (server/engine/costing/quantities.ts).
 */

export interface Found {
  start: number;
  end: number;
}

const NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|\\d+(?:\\.\\d+)?)';
const UNIT = '(?:minutes?|mins?|hours?|hrs?|h)';
const PERIOD = '(?:week|day|fortnight|term|half[- ]term|month|year|school day|lesson|session|morning|afternoon)';

const FREQUENCY_PATTERNS = [
  // "3 x 30 minutes per week", "3 × 30-minute sessions a week"
  new RegExp(`\\b\\d+\\s*(?:x|×)\\s*\\d+(?:\\.\\d+)?[\\s-]*${UNIT}(?:\\s+sessions?)?\\s+(?:a|per|each|every)\\s+${PERIOD}\\b`, 'i'),
  // "three times a week", "twice weekly", "once a fortnight", "4 sessions per week"
  new RegExp(`\\b(?:once|twice|thrice|${NUMBER_WORD}\\s+(?:times?|sessions?|lessons?|periods?))\\s+(?:a|per|each|every)\\s+${PERIOD}\\b`, 'i'),
  new RegExp(`\\b(?:once|twice|${NUMBER_WORD}\\s+times?)\\s+(?:daily|weekly|fortnightly|termly|monthly)\\b`, 'i'),
  // "2 hours a week", "25 hours per week" (a weekly total)
  new RegExp(`\\b${NUMBER_WORD}\\s*${UNIT}\\s+(?:a|per|each|every)\\s+(?:week|day|fortnight|term|month)\\b`, 'i'),
  /\b(?:daily|weekly|fortnightly|termly|monthly|annually|every (?:school )?day|each (?:school )?day|every week|each week|every fortnight|every morning|each morning|every afternoon|each afternoon|every lesson|each lesson|every break(?:time)?|each break(?:time)?|every lunchtime|each lunchtime|at every|at each)\b/i,
];

const DURATION_PATTERNS = [
  new RegExp(`\\b\\d+(?:\\.\\d+)?\\s*(?:x|×)\\s*(\\d+(?:\\.\\d+)?)[\\s-]*${UNIT}\\b`, 'i'),
  new RegExp(`\\b${NUMBER_WORD}[\\s-]*${UNIT}\\b`, 'i'),
  /\b(?:half an hour|an hour|a half[- ]day|half[- ]day|a full day|full[- ]day|the whole school day|the full school day)\b/i,
];

const RATIO_PATTERNS = [
  /(?<![\d:])\b[1-9]\d?\s*:\s*[1-9]\d?\b(?!\s*(?:am|pm|\d))/i,
  /\b(?:in a |as a )?group of (?:no more than |at most )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: (?:pupils|children|students|learners|young people))?\b/i,
  /\b(?:one[- ]to[- ]one|1[- ]to[- ]1|individually|individual sessions?|in a pair|paired|two[- ]to[- ]one|2[- ]to[- ]1|whole[- ]class)\b/i,
];

const WEEKS_PATTERNS = [/\b\d{1,2}\s+weeks\s+(?:a|per|each|of the)\s+(?:school\s+)?year\b/i, /\bfor\s+\d{1,2}\s+weeks\b/i, /\b52 weeks\b/i];

const COST_PATTERN = /£\s?\d[\d,]*(?:\.\d{2})?(?:\s*(?:one[- ]off|a year|per year|per annum|annually|each year))?/i;

/** Role words that name who delivers provision. */
export const ROLE_WORDS = [
  'speech and language therapist', 'speech and language therapy assistant', 'occupational therapist', 'physiotherapist',
  'educational psychologist', 'clinical psychologist', 'psychologist', 'higher level teaching assistant', 'teaching assistant',
  'learning support assistant', 'specialist teacher', 'advisory teacher', 'teacher of the deaf', 'qualified teacher of the visually impaired',
  'class teacher', 'subject teacher', 'teacher', 'senco', 'counsellor', 'play therapist', 'music therapist', 'art therapist', 'therapist',
  'school nurse', 'nurse', 'paediatrician', 'social worker', 'family support worker', 'support worker', 'youth worker', 'key worker',
  'keyworker', 'learning mentor', 'mentor', 'job coach', 'travel trainer', 'tutor', 'lecturer', 'instructor', 'personal assistant',
  'practitioner', 'early years practitioner', 'mobility officer', 'habilitation specialist', 'habilitation officer', 'audiologist',
  'dietitian', 'carer', 'care worker', 'coach', 'assistant', 'specialist', 'nursery nurse', 'intervener', 'communicator',
  'tas?', 'lsas?', 'hltas?', 'salt', 'ot', 'ep', 'qtvi', 'qtod', 'camhs practitioner', 'camhs', 'staff', 'adult', 'adults',
];

const ROLE_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${ROLE_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
const WHO_INTRO = /\b(?:delivered by|led by|provided by|run by|taught by|supported by|from|by|with)\s+(?:(?:a|an|the|his|her|their|[A-Z][\p{L}'’-]+'s)\s+)?/giu;
const WHO_STOP = /[,;.()]|\s(?:for|on|in|at|to|who|each|every|per|a week|daily|weekly|twice|once|three|\d)\b/i;

export function findFirst(patterns: RegExp[], text: string): Found | null {
  let best: Found | null = null;
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    if (m && (best === null || m.index < best.start)) best = { start: m.index, end: m.index + m[0].length };
  }
  return best;
}

export const findFrequency = (text: string): Found | null => findFirst(FREQUENCY_PATTERNS, text);
export const findDuration = (text: string): Found | null => findFirst(DURATION_PATTERNS, text);

const FREQ_ATOM = `(?:(?:once|twice|thrice|${NUMBER_WORD}\\s+(?:times?|sessions?|lessons?|periods?))\\s+(?:a|per|each|every)\\s+${PERIOD}|daily|weekly|fortnightly|termly|every (?:school )?day|each (?:school )?day|every week|each week|every morning|each morning|every afternoon|each afternoon)`;
const DUR_ATOM = `(?:${NUMBER_WORD}[\\s-]*${UNIT}|half an hour|an hour)`;
/** "daily for 10 minutes", "3 times a week, 20 minutes each time", "once a fortnight lasting 45 minutes". */
const FREQ_THEN_DUR = new RegExp(`\\b(${FREQ_ATOM})\\s*[,;:]?\\s*(?:for|of|lasting|at)?\\s*(${DUR_ATOM})(?![\\w-])`, 'i');
/** "30 minutes daily", "20-minute sessions three times a week", "45 minutes each week". */
const DUR_THEN_FREQ = new RegExp(`\\b(${DUR_ATOM})(?:\\s+sessions?)?\\s*[,;]?\\s*(${FREQ_ATOM})\\b`, 'i');
const COMBINED = new RegExp(`\\b\\d+\\s*(?:x|×)\\s*\\d+(?:\\.\\d+)?[\\s-]*${UNIT}(?:\\s+sessions?)?\\s+(?:a|per|each|every)\\s+${PERIOD}\\b`, 'i');

/**
 * How often and how long, read together: a sentence often mentions other times ("a 1-minute probe and a
 * daily chart, daily for 10 minutes"), so a frequency written next to a duration is preferred to the first
 * of each. "3 x 30 minutes per week" is one phrase holding both.
 */
export function findFrequencyAndDuration(text: string): { frequency: Found | null; duration: Found | null } {
  const combined = COMBINED.exec(text);
  const candidates: { index: number; frequency: Found; duration: Found }[] = [];
  for (const [pattern, freqGroup, durGroup] of [[FREQ_THEN_DUR, 1, 2], [DUR_THEN_FREQ, 2, 1]] as const) {
    const m = pattern.exec(text);
    if (!m) continue;
    const at = (group: number): Found => {
      const value = m[group]!;
      const start = m.index + m[0].indexOf(value, group === 2 ? m[0].indexOf(m[1]!) + m[1]!.length : 0);
      return { start, end: start + value.length };
    };
    candidates.push({ index: m.index, frequency: at(freqGroup), duration: at(durGroup) });
  }
  if (combined && candidates.every((c) => combined.index <= c.index)) {
    const span = { start: combined.index, end: combined.index + combined[0].length };
    const amount = DURATION_PATTERNS[0]!.exec(combined[0]);
    return { frequency: span, duration: amount ? { start: span.start + amount.index, end: span.start + amount.index + amount[0].length } : span };
  }
  candidates.sort((a, b) => a.index - b.index);
  if (candidates[0]) return { frequency: candidates[0].frequency, duration: candidates[0].duration };
  return { frequency: findFrequency(text), duration: findDuration(text) };
}
export const findRatio = (text: string): Found | null => findFirst(RATIO_PATTERNS, text);
export const findWeeks = (text: string): Found | null => findFirst(WEEKS_PATTERNS, text);
export const findCost = (text: string): Found | null => findFirst([COST_PATTERN], text);

/** The phrase naming who delivers: "a qualified speech and language therapist", "a TA trained in ...". */
export function findWho(text: string): Found | null {
  WHO_INTRO.lastIndex = 0;
  for (let m = WHO_INTRO.exec(text); m; m = WHO_INTRO.exec(text)) {
    const start = m.index + m[0].length;
    const rest = text.slice(start);
    const stop = WHO_STOP.exec(rest);
    const phrase = stop ? rest.slice(0, stop.index) : rest;
    if (phrase.trim() !== '' && ROLE_RE.test(phrase)) return { start, end: start + phrase.trimEnd().length };
  }
  const role = ROLE_RE.exec(text);
  return role ? { start: role.index, end: role.index + role[0].length } : null;
}

const OUTCOME_LIST = /\(\s*(?:outcomes?\s*:?\s*)?E\s?\d+(?:\s*(?:,|&|and|to|-|–)\s*E?\s?\d+)*\s*\)|\boutcomes?\s*:\s*E\s?\d+(?:\s*(?:,|&|and|to|-|–)\s*E?\s?\d+)*/gi;

/** Where the outcome ids are named: "(E1, E2)" or "Outcomes: E1". Null when the bullet names none that way. */
export function findOutcomeList(text: string): Found | null {
  OUTCOME_LIST.lastIndex = 0;
  const m = OUTCOME_LIST.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** Outcome ids in a span of text with their offsets; expands ranges such as "E1-E3" and "E1 to E3". */
export function findOutcomeIds(text: string): { id: string; start: number; end: number }[] {
  const ids: { id: string; start: number; end: number }[] = [];
  const token = /(?<![\p{L}\p{N}])E\s?(\d{1,3})(?![\p{L}\p{N}])(?:\s*(?:-|–|to)\s*E?\s?(\d{1,3})(?![\p{L}\p{N}]))?/giu;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const from = Number(m[1]);
    const to = m[2] !== undefined ? Number(m[2]) : from;
    const end = m.index + m[0].length;
    if (to >= from && to - from <= 20) {
      for (let n = from; n <= to; n++) ids.push({ id: `E${n}`, start: m.index, end });
    } else ids.push({ id: `E${from}`, start: m.index, end });
  }
  return ids;
}
