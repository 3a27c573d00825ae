/**
 * Reading the quantities of an item of provision — how often, how long, staff:pupil ratio and weeks a year —
 * from table cells or from prose, for costing.
 *
 * The reader is deliberately strict: a quantity that is not stated as a single firm figure (a range such
 * as "2-3 times", "up to 10 hours", "approximately 30 minutes", "as needed", "monthly") is refused with a
 * reason, never guessed. Two exceptions are documented in docs/funding.md: a missing ratio is costed as
 * 1:1 (the row is then marked `ratioStated: false`), and missing weeks use the scheme's weeks a year.
 *
 * Conventions (contract section 8): daily, each morning, every lunchtime... = 5 sessions a week (school
 * days); weekly = 1; fortnightly = 1/2; termly, half-termly = 6 a year (not weekly); "N times a term" =
 * 6N a year; annually = 1 a year; "N hours a week" is a weekly total; "one-off" / "in total" is a one-off.
 */
import { add, div, eq, mul, parseDecimal, rat, toDisplay, type Rational } from './rational.js';

export type QuantityBasis = 'weekly' | 'yearly' | 'one-off';

export interface Quantity {
  /** Weekly: the row runs every week it runs; yearly: a number of sessions a year; one-off: a single amount. */
  basis: QuantityBasis;
  /** Minutes of each staff member's time: a week (weekly), a year (yearly) or in total (one-off). */
  minutes: Rational;
  /** Sessions a week / a year / in total; null when the time was given as a total ("2 hours a week"). */
  sessions: Rational | null;
  /** Minutes per session; null when the time was given as a total. */
  minutesPerSession: Rational | null;
  /** Weeks a year stated by the row, or null (the scheme's weeks a year apply). */
  weeks: number | null;
  staff: number;
  pupils: number;
  /** False when no ratio was written and the row is costed as 1:1. */
  ratioStated: boolean;
  /** A short, plain summary for tables: "3 × 30 min a week · 1:1 · 39 weeks". */
  summary: string;
}

export type QuantityReading = { ok: true; quantity: Quantity } | { ok: false; reason: string };

/** One piece of text to read: a table cell (with its field and header) or a whole prose bullet. */
export interface QuantityInput {
  text: string;
  field?: 'frequency' | 'duration' | 'ratio' | 'weeks' | 'text';
  header?: string;
}

type PeriodUnit = 'day' | 'week' | 'fortnight' | 'term' | 'year' | 'once';

interface Frequency {
  count: Rational;
  unit: PeriodUnit;
}
interface Duration {
  minutes: Rational;
  /** 'session' (per session), 'day' (a day: implies daily unless a frequency says otherwise), or a total. */
  per: 'session' | 'day' | 'week' | 'fortnight' | 'term' | 'year';
}
interface Ratio {
  staff: number;
  pupils: number;
}

interface ScanResult {
  frequencies: Frequency[];
  /** "3 x 30 minutes" with no period: a count that needs a period from elsewhere. */
  counts: Rational[];
  durations: Duration[];
  ratios: Ratio[];
  weeks: number[];
  refusals: string[];
  vagueFrequency: string[];
  vagueRatio: string[];
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90,
};
const TENS = ['twenty', 'thirty', 'forty', 'fifty'];
const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Lower-cases and rewrites words into the few forms the patterns below read. Exported for tests. */
export function normaliseQuantityText(input: string): string {
  let t = ` ${input.toLowerCase()} `;
  t = t.replace(/[*_`]/g, ' ').replace(/\u00a0/g, ' ');
  t = t.replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\u00d7/g, ' x ');
  t = t.replace(/(\d)\s*\u00bd/g, '$1.5').replace(/\u00bd/g, '0.5');
  t = t.replace(/(\d)\s*\u00bc/g, '$1.25').replace(/(\d)\s*\u00be/g, '$1.75');
  t = t.replace(/\bone[- ]off\b/g, ' oneoff ');
  t = t.replace(/\b(?:an|one|a) hour and a half\b/g, '90 minutes');
  t = t.replace(/\bone and a half hours?\b/g, '90 minutes');
  t = t.replace(/\b(\d+) and a half hours?\b/g, '$1.5 hours');
  t = t.replace(/\bthree[- ]quarters of an hour\b/g, '45 minutes');
  t = t.replace(/\b(?:a )?quarter(?: of an | |-)hour\b/g, '15 minutes');
  t = t.replace(/\bhalf(?: an | |-)hour\b/g, '30 minutes');
  t = t.replace(/\b(?:an|a|one) hour\b/g, '1 hour');
  t = t.replace(/\btwice\b/g, '2 times').replace(/\bonce\b/g, '1 times').replace(/\bthrice\b/g, '3 times');
  t = t.replace(/\ba (session|lesson|visit|day|morning|afternoon)\b(?= (?:a|per|each|every) )/g, '1 $1');
  for (const tens of TENS) {
    UNITS.forEach((u, i) => {
      t = t.replace(new RegExp(`\\b${tens}[- ]${u}\\b`, 'g'), String(NUMBER_WORDS[tens]! + i + 1));
    });
  }
  t = t.replace(/\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|ninety)\b/g,
    (w) => String(NUMBER_WORDS[w]));
  // "one-to-one", "1 to 1", "1-1" are all 1:1.
  t = t.replace(/\b1\s*(?:-\s*to\s*-|to|-)\s*1\b(?!\s*(?:x\b|times|sessions?|minutes?|mins?|hours?|hrs?|days?|weeks?))/g, '1:1');
  t = t.replace(/\b(\d+(?:\.\d+)?)-(minutes?|mins?|hours?|hrs?|weeks?|days?|sessions?)\b/g, '$1 $2');
  t = t.replace(/\s+/g, ' ');
  return t;
}

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const DUR = String.raw`(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m)\b(?:\s*(?:and\s*)?(\d+)\s*(?:minutes?|mins?|m)\b)?`;
const PER = String.raw`(?:a|an|per|each|every|in a|in each|in every|/)`;
const UNIT = String.raw`(week|wk|fortnight|half[ -]?term|term|school year|academic year|year|annum|school day|day|morning|afternoon|lunchtime)`;
const UNITLY = String.raw`(daily|weekly|fortnightly|half[ -]?termly|termly|annually|yearly)`;
const SESSION_WORD = String.raw`(?:x|times|sessions?|lessons?|visits?|occasions?|days?|mornings?|afternoons?|lunchtimes?|periods?)`;
const UNIT_TAIL = String.raw`(?:\s*(?:${PER}\s*${UNIT}|${UNITLY}))?`;

function unitOf(word: string): PeriodUnit {
  const w = word.replace(/[- ]/g, '');
  if (/^(week|wk|weekly)$/.test(w)) return 'week';
  if (/^(fortnight|fortnightly)$/.test(w)) return 'fortnight';
  if (/^(halfterm|term|termly|halftermly)$/.test(w)) return 'term';
  if (/^(schoolyear|academicyear|year|annum|annually|yearly)$/.test(w)) return 'year';
  return 'day';
}

function durationMinutes(amount: string, unit: string, extraMinutes: string | undefined): Rational | null {
  const value = parseDecimal(amount);
  if (!value) return null;
  let minutes = /^h/.test(unit) ? mul(value, rat(60)) : value;
  if (extraMinutes !== undefined) {
    if (!/^h/.test(unit)) return null;
    minutes = add(minutes, rat(Number(extraMinutes)));
  }
  return minutes;
}

const REFUSALS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/\b(up ?to|no more than|not more than|maximum of|a maximum of|max\.?|maximum)\s*\d/, (m) => `it says "${m[1]}", a maximum that could mean none at all; write a firm amount or a minimum ("at least")`],
  [/\d\s*(or (?:less|fewer))\b/, (m) => `it says "${m[1]}", a maximum that could mean none at all; write a firm amount`],
  [/(?<![:\d.])(\d+(?:\.\d+)?\s*(?:-|to|or|\/)\s*\d+(?:\.\d+)?)\s*(?:x\b|times|sessions?|minutes?|mins?|hours?|hrs?|h\b|days?|weeks?|pupils|children|students|lessons?)/, (m) => `it gives a range ("${m[1]!.trim()}") rather than one amount`],
  [/\bbetween\s*(\d+(?:\.\d+)?\s*(?:and|-)\s*\d+(?:\.\d+)?)/, (m) => `it gives a range ("between ${m[1]}") rather than one amount`],
  [/(\d+\s*:\s*\d+\s*(?:-|to|or|\/)\s*(?:\d+\s*:\s*)?\d+)(?!\s*(?:(?:minutes?|mins?|hours?|hrs?|x|times|sessions?|days?|weeks?|am|pm)\b|\d))/, (m) => `it gives a range of ratios ("${m[1]}") rather than one`],
  [/\b(groups? of\s*\d+\s*(?:-|to|or|\/)\s*\d+)/, (m) => `it gives a range of group sizes ("${m[1]}") rather than one`],
  [/(\d+\s*:\s*\d+\s*(?:or|\/|and\/or)\s*(?:a\s+)?(?:small\s+)?groups?)\b/, (m) => `it gives a choice of ratios ("${m[1]}") rather than one`],
  [/\b(about|around|approx\.?|approximately|roughly|circa|c\.)\s*\d/, (m) => `it is approximate ("${m[1]}")`],
  [/\d+\s*ish\b/, () => 'it is approximate ("-ish")'],
  [/\b(monthly|(?:a|per|each|every) month|(?:a|per|each|every) calendar month)\b/, () => 'it says monthly, which has no fixed number of sessions in a school year; write the number a term or a year'],
  [/\b(bi-?weekly|bi-?monthly)\b/, (m) => `"${m[1]}" can mean twice a week or every two weeks; write "twice a week" or "fortnightly"`],
  [/\b(daily|weekly|fortnightly|termly)\s*(?:or|\/)\s*(daily|weekly|fortnightly|termly)\b/, (m) => `it gives a choice of frequencies ("${m[1]} or ${m[2]}") rather than one`],
];

const VAGUE_FREQUENCY = /\b(as (?:and when )?(?:required|needed|appropriate|necessary|directed)|as and when|when (?:needed|required|appropriate|necessary)|if (?:needed|required|necessary)|where (?:appropriate|possible|necessary)|regular(?:ly)?|on-?going|periodic(?:ally)?|frequent(?:ly)?|occasional(?:ly)?|flexibl[ye]|to be (?:agreed|confirmed|decided|determined)|tb[ca]|full[- ]time|part[- ]time|throughout the (?:school )?day|all day|at break(?: and lunch)?(?: ?times?)?|during (?:lessons|the day)|every lesson|in lessons|at the discretion)\b/;
const VAGUE_RATIO = /\b(small groups?|whole class|class-based|in class|groups?)\b/;

function emptyScan(): ScanResult {
  return { frequencies: [], counts: [], durations: [], ratios: [], weeks: [], refusals: [], vagueFrequency: [], vagueRatio: [] };
}

/** Finds every quantity phrase in one text. */
function scan(rawText: string, field: QuantityInput['field'], header: string | undefined): ScanResult {
  const out = emptyScan();
  let t = normaliseQuantityText(rawText);
  for (const [re, why] of REFUSALS) {
    const m = re.exec(t);
    if (m) out.refusals.push(why(m));
  }
  if (out.refusals.length) return out;

  const take = (source: string, fn: (m: RegExpExecArray) => boolean | void): void => {
    const re = new RegExp(source, 'g');
    t = t.replace(re, (...args: unknown[]) => {
      const whole = args[0] as string;
      const groups = args.slice(0, -2) as (string | undefined)[];
      const m = Object.assign(groups as unknown as RegExpExecArray, { index: 0, input: t });
      return fn(m) === false ? whole : ' ; ';
    });
  };
  const pushFrequency = (count: Rational, unitWord: string | undefined): void => {
    if (unitWord === undefined) out.counts.push(count);
    else if (unitOf(unitWord) === 'day') out.frequencies.push({ count: mul(count, rat(5)), unit: 'week' });
    else out.frequencies.push({ count, unit: unitOf(unitWord) });
  };
  const pushDuration = (m: RegExpExecArray, at: number): boolean => {
    const minutes = durationMinutes(m[at]!, m[at + 1]!, m[at + 2]);
    if (!minutes) return false;
    out.durations.push({ minutes, per: 'session' });
    return true;
  };
  const unitFrom = (m: RegExpExecArray, at: number): string | undefined => m[at] ?? m[at + 1];

  // "a total of 6 sessions", "6 sessions in total", "one-off".
  take(String.raw`\b(?:a\s*)?total of\s*${NUM}\s*(?:sessions?|visits?|lessons?)\b`, (m) => {
    out.frequencies.push({ count: parseDecimal(m[1]!)!, unit: 'once' });
  });
  take(String.raw`\b${NUM}\s*(?:sessions?|visits?|lessons?)\s*in total\b`, (m) => {
    out.frequencies.push({ count: parseDecimal(m[1]!)!, unit: 'once' });
  });
  take(String.raw`\b(?:oneoff|1 times only|only 1 times|single (?:session|visit|assessment))\b`, () => {
    out.frequencies.push({ count: rat(1), unit: 'once' });
  });

  // Combined count and duration: "3 x 30 mins per week", "30 mins x 3 weekly",
  // "3 sessions of 30 minutes a week", "two 30 minute sessions a week".
  take(String.raw`\b${NUM}\s*x\s*${DUR}(?:\s*(?:sessions?|lessons?|visits?))?${UNIT_TAIL}`, (m) => {
    if (!pushDuration(m, 2)) return false;
    pushFrequency(parseDecimal(m[1]!)!, unitFrom(m, 5));
    return true;
  });
  take(String.raw`\b${DUR}(?:\s*(?:sessions?|lessons?))?\s*x\s*${NUM}(?:\s*(?:times|sessions?))?${UNIT_TAIL}`, (m) => {
    if (!pushDuration(m, 1)) return false;
    pushFrequency(parseDecimal(m[4]!)!, unitFrom(m, 5));
    return true;
  });
  take(String.raw`\b${NUM}\s*(?:sessions?|lessons?|visits?)\s*of\s*${DUR}(?:\s*each)?${UNIT_TAIL}`, (m) => {
    if (!pushDuration(m, 2)) return false;
    pushFrequency(parseDecimal(m[1]!)!, unitFrom(m, 5));
    return true;
  });
  take(String.raw`\b${NUM}\s+${DUR}\s*(?:sessions?|lessons?|visits?)${UNIT_TAIL}`, (m) => {
    if (!pushDuration(m, 2)) return false;
    pushFrequency(parseDecimal(m[1]!)!, unitFrom(m, 5));
    return true;
  });

  // "6 sessions of 1 hour in total": the count is a one-off total.
  let inTotal = false;
  take(String.raw`\bin total\b`, () => { inTotal = true; });
  if (inTotal && out.counts.length) {
    for (const count of out.counts.splice(0)) out.frequencies.push({ count, unit: 'once' });
  }

  // Frequencies: "3 times a week", "2 sessions weekly", "4 days a week", "twice daily", "every 2 weeks".
  take(String.raw`\b(?:${NUM}\s*times\s*)?every\s*(\d+|other)\s*(weeks?|days?|school days?)\b`, (m) => {
    const per = m[2] === 'other' ? rat(2) : parseDecimal(m[2]!)!;
    if (per.n === 0n) return false;
    const count = m[1] ? parseDecimal(m[1])! : rat(1);
    if (/^week/.test(m[3]!)) out.frequencies.push({ count: div(count, per), unit: 'week' });
    else out.frequencies.push({ count: mul(div(count, per), rat(5)), unit: 'week' });
    return true;
  });
  take(String.raw`\b${NUM}\s*${SESSION_WORD}\s*${PER}\s*${UNIT}\b`, (m) => {
    pushFrequency(parseDecimal(m[1]!)!, m[2]);
  });
  take(String.raw`\b${NUM}\s*${SESSION_WORD}\s*${UNITLY}`, (m) => {
    pushFrequency(parseDecimal(m[1]!)!, m[2]);
  });

  // Durations with a period: "2 hours a week" (a weekly total), "1 hour a day", "6 hours a term",
  // "45 minutes per session"; then bare durations "30 minutes".
  take(String.raw`\b${DUR}\s*(?:(?:${PER}|in total\s*${PER})\s*(week|wk|fortnight|half[ -]?term|term|school year|academic year|year|annum|school day|day|session|lesson|visit)|(weekly|daily|fortnightly|termly|annually|yearly))\b`, (m) => {
    const minutes = durationMinutes(m[1]!, m[2]!, m[3]);
    if (!minutes) return false;
    const unit = m[4] ?? m[5]!;
    if (/^(session|lesson|visit)$/.test(unit)) out.durations.push({ minutes, per: 'session' });
    else {
      const u = unitOf(unit);
      out.durations.push({ minutes, per: u === 'once' ? 'session' : u });
    }
    return true;
  });
  take(String.raw`\b${DUR}`, (m) => pushDuration(m, 1));

  // Standalone frequency words.
  const standalone: [string, () => void][] = [
    [String.raw`\b(?:daily|every ?day|each day|every school day|each school day|every (?:morning|afternoon|lunchtime|lunch time)|each (?:morning|afternoon|lunchtime|lunch time)|monday to friday|mon ?- ?fri)\b`,
      () => out.frequencies.push({ count: rat(5), unit: 'week' })],
    [String.raw`\b(?:weekly|every week|each week|1 times (?:a|per|each) week)\b`, () => out.frequencies.push({ count: rat(1), unit: 'week' })],
    [String.raw`\b(?:fortnightly|every fortnight|each fortnight)\b`, () => out.frequencies.push({ count: rat(1), unit: 'fortnight' })],
    [String.raw`\b(?:half[ -]?termly|termly|every (?:half[ -]?)?term|each (?:half[ -]?)?term)\b`, () => out.frequencies.push({ count: rat(1), unit: 'term' })],
    [String.raw`\b(?:annually|yearly|every year|each year)\b`, () => out.frequencies.push({ count: rat(1), unit: 'year' })],
  ];
  for (const [re, push] of standalone) take(re, () => { push(); });

  // Ratios: "1:1", "2:1", "1:4", "group of 4", "individually", "in pairs".
  take(String.raw`(?<![\d:.]|at\s)(\d{1,2})\s*:\s*(\d{1,2})(?![\d:])(?!\s*(?:am|pm)\b)`, (m) => {
    const staff = Number(m[1]);
    const pupils = Number(m[2]);
    if (staff < 1 || staff > 9 || pupils < 1) return false;
    out.ratios.push({ staff, pupils });
    return true;
  });
  take(String.raw`\b(?:small\s*|a\s*)?groups? of\s*(?:at least\s*|exactly\s*)?(\d{1,2})\b(?:\s*(?:pupils|children|students|young people|learners|peers))?`, (m) => {
    const pupils = Number(m[1]);
    if (pupils < 1) return false;
    out.ratios.push({ staff: 1, pupils });
    return true;
  });
  take(String.raw`\bgroup size(?: of)?\s*:?\s*(\d{1,2})\b`, (m) => {
    const pupils = Number(m[1]);
    if (pupils < 1) return false;
    out.ratios.push({ staff: 1, pupils });
    return true;
  });
  take(String.raw`\b(?:individual(?:ly)?|on (?:an|a) individual basis)\b`, () => { out.ratios.push({ staff: 1, pupils: 1 }); });
  take(String.raw`\b(?:in (?:a )?pairs?|paired)\b`, () => { out.ratios.push({ staff: 1, pupils: 2 }); });

  // Weeks a year: "39 weeks", "52 weeks a year", "for 6 weeks", "all year round".
  take(String.raw`\b(\d+)\s*weeks?\b(?:\s*(?:a|per|each|of the|in the)\s*(?:school\s*|academic\s*)?(?:year|annum))?`, (m) => {
    out.weeks.push(Number(m[1]));
  });
  take(String.raw`\b(?:all year(?: round)?|year[ -]round|throughout the (?:whole )?year|including (?:school )?holidays)\b`, () => { out.weeks.push(52); });

  // Bare numbers in a cell that has one meaning.
  const bare = /^\s*;?\s*(\d+)\s*;?\s*$/.exec(t);
  if (bare) {
    if (field === 'weeks') out.weeks.push(Number(bare[1]));
    else if (field === 'ratio' && header && /group|pupils/i.test(header) && Number(bare[1]) >= 1) out.ratios.push({ staff: 1, pupils: Number(bare[1]) });
  }

  const vague = VAGUE_FREQUENCY.exec(t);
  if (vague) out.vagueFrequency.push(vague[1]!);
  const vagueRatio = VAGUE_RATIO.exec(t);
  if (vagueRatio) out.vagueRatio.push(vagueRatio[1]!);
  return out;
}

function distinct<T>(items: T[], same: (a: T, b: T) => boolean): T[] {
  const out: T[] = [];
  for (const item of items) if (!out.some((o) => same(o, item))) out.push(item);
  return out;
}

const sameFrequency = (a: Frequency, b: Frequency): boolean => a.unit === b.unit && eq(a.count, b.count);
const sameDuration = (a: Duration, b: Duration): boolean => a.per === b.per && eq(a.minutes, b.minutes);

function minutesText(minutes: Rational): string {
  const m = Number(minutes.n) / Number(minutes.d);
  if (m >= 60 && Number.isInteger(m / 60)) return `${m / 60} h`;
  return `${toDisplay(minutes)} min`;
}

const PERIOD_TEXT: Record<PeriodUnit, string> = {
  day: 'a day', week: 'a week', fortnight: 'a fortnight', term: 'a term', year: 'a year', once: 'in total',
};

/**
 * Reads the quantities of one item from its pieces of text (table cells or a prose bullet).
 * Returns a reason, in plain words, when they cannot be read as firm figures.
 */
export function readQuantities(inputs: QuantityInput[]): QuantityReading {
  const all = emptyScan();
  for (const input of inputs) {
    if (!input.text.trim()) continue;
    const s = scan(input.text, input.field, input.header);
    all.frequencies.push(...s.frequencies);
    all.counts.push(...s.counts);
    all.durations.push(...s.durations);
    all.ratios.push(...s.ratios);
    all.weeks.push(...s.weeks);
    all.refusals.push(...s.refusals);
    all.vagueFrequency.push(...s.vagueFrequency);
    all.vagueRatio.push(...s.vagueRatio);
  }
  if (all.refusals.length) return { ok: false, reason: all.refusals[0]! };

  const frequencies = distinct(all.frequencies, sameFrequency);
  const durations = distinct(all.durations, sameDuration);
  const ratios = distinct(all.ratios, (a, b) => a.staff === b.staff && a.pupils === b.pupils);
  const weeksList = [...new Set(all.weeks)];
  const counts = distinct(all.counts, eq);

  if (ratios.length > 1) return { ok: false, reason: 'it gives more than one ratio; put each ratio in its own row' };
  if (weeksList.length > 1) return { ok: false, reason: `it gives more than one number of weeks (${weeksList.join(', ')}); put each in its own row` };
  const weeks = weeksList[0] ?? null;
  if (weeks !== null && (weeks < 1 || weeks > 52)) return { ok: false, reason: `${weeks} weeks is not a number of weeks in a year (1 to 52)` };

  const totals = durations.filter((d) => d.per !== 'session' && d.per !== 'day');
  const perSession = durations.filter((d) => d.per === 'session' || d.per === 'day');
  if (totals.length > 1 || (totals.length === 1 && perSession.length > 0) || perSession.length > 1) {
    return { ok: false, reason: 'it gives more than one amount of time; put each amount in its own row' };
  }

  let basis: QuantityBasis;
  let minutes: Rational;
  let sessions: Rational | null = null;
  let minutesPerSession: Rational | null = null;
  let periodText: string;

  if (totals.length === 1) {
    const total = totals[0]!;
    const clash = frequencies.find((f) => f.unit === 'term' || f.unit === 'year' || f.unit === 'once');
    if (clash) return { ok: false, reason: 'it gives both a total amount of time and a number of sessions a term or a year; give one or the other' };
    switch (total.per) {
      case 'week': basis = 'weekly'; minutes = total.minutes; periodText = 'a week'; break;
      case 'fortnight': basis = 'weekly'; minutes = div(total.minutes, rat(2)); periodText = 'a week'; break;
      case 'term': basis = 'yearly'; minutes = mul(total.minutes, rat(6)); periodText = 'a year'; break;
      default: basis = 'yearly'; minutes = total.minutes; periodText = 'a year'; break;
    }
    if (total.per === 'week') periodText = 'a week (total)';
  } else {
    if (perSession.length === 0 && frequencies.length === 0 && all.vagueFrequency.length) {
      return { ok: false, reason: `how often and for how long are not firm figures ("${all.vagueFrequency[0]}")` };
    }
    if (perSession.length === 0) {
      return { ok: false, reason: 'it does not say how long each session lasts (for example "30 minutes") or the hours a week' };
    }
    const session = perSession[0]!;
    let freqs = frequencies;
    if (freqs.length === 0 && counts.length === 0 && session.per === 'day') freqs = [{ count: rat(5), unit: 'week' }];
    if (freqs.length === 0 && counts.length === 1) {
      return { ok: false, reason: `it gives a number of sessions (${toDisplay(counts[0]!)}) but not how often (a week, a term or a year)` };
    }
    if (freqs.length === 0) {
      if (all.vagueFrequency.length) return { ok: false, reason: `how often is not a firm figure ("${all.vagueFrequency[0]}")` };
      return { ok: false, reason: 'it does not say how often (for example "weekly", "3 times a week" or "once a term")' };
    }
    if (freqs.length > 1) {
      // "1 hour a day, 3 days a week": a per-day amount with a number of days is one frequency.
      return { ok: false, reason: 'it gives more than one frequency; put each in its own row' };
    }
    if (counts.length > 1) return { ok: false, reason: 'it gives more than one number of sessions; put each in its own row' };
    const f = freqs[0]!;
    minutesPerSession = session.minutes;
    sessions = f.count;
    if (counts.length === 1 && !eq(counts[0]!, rat(1))) sessions = mul(sessions, counts[0]!);
    switch (f.unit) {
      case 'week': case 'day': basis = 'weekly'; break;
      case 'fortnight': basis = 'weekly'; sessions = div(sessions, rat(2)); break;
      case 'term': basis = 'yearly'; sessions = mul(sessions, rat(6)); break;
      case 'year': basis = 'yearly'; break;
      case 'once': basis = 'one-off'; break;
    }
    minutes = mul(sessions, minutesPerSession);
    periodText = basis === 'weekly' ? 'a week' : basis === 'yearly' ? 'a year' : PERIOD_TEXT.once;
  }
  if (minutes.n === 0n) return { ok: false, reason: 'the amount of time is zero' };
  const weekMinutes = basis === 'weekly' ? minutes : div(minutes, rat(52));
  if (weekMinutes.n > 168n * 60n * weekMinutes.d) return { ok: false, reason: 'it adds up to more hours than there are in a week; check the figures' };

  const ratio = ratios[0];
  if (!ratio && all.vagueRatio.length && all.vagueRatio[0] !== 'in class') {
    return { ok: false, reason: `the group size is not stated ("${all.vagueRatio[0]}"); write a ratio such as 1:4 or "group of 4"` };
  }
  const staff = ratio?.staff ?? 1;
  const pupils = ratio?.pupils ?? 1;
  const timeText = sessions && minutesPerSession
    ? `${toDisplay(sessions)} × ${minutesText(minutesPerSession)} ${periodText}`
    : `${minutesText(minutes)} ${periodText}`;
  const parts = [timeText, `${staff}:${pupils}${ratio ? '' : ' (assumed)'}`];
  if (weeks !== null && basis === 'weekly') parts.push(`${weeks} weeks`);
  return {
    ok: true,
    quantity: {
      basis,
      minutes,
      sessions,
      minutesPerSession,
      weeks: basis === 'weekly' ? weeks : null,
      staff,
      pupils,
      ratioStated: Boolean(ratio),
      summary: parts.join(' · '),
    },
  };
}

/** Convenience for one piece of prose (a bullet or a free-text cell). */
export function readQuantityText(text: string): QuantityReading {
  return readQuantities([{ text, field: 'text' }]);
}

export type CostCellReading =
  | { ok: true; pence: bigint; basis: 'annual' | 'one-off' | 'weekly' }
  | { ok: false; reason: string };

/**
 * Reads a Cost cell: "£450 one-off", "£1,200 a year", "£1,200" (annual), "£35 a week" (× weeks).
 * Amounts are exact: "£12.345" or a range is refused.
 */
export function readCostCell(text: string): CostCellReading {
  const t = normaliseQuantityText(text);
  if (/\b(up ?to|approx|about|around|between|maximum|max\.?)\b/.test(t)) return { ok: false, reason: 'the cost is not a firm amount' };
  const amounts = [...t.matchAll(/(?:£|gbp\s*)\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(k\b)?/g)];
  if (amounts.length === 0) return { ok: false, reason: 'the Cost cell has no amount in pounds (for example "£450 one-off")' };
  if (amounts.length > 1) return { ok: false, reason: 'the Cost cell has more than one amount; give one amount per row' };
  const m = amounts[0]!;
  const afterAmount = t.slice((m.index ?? 0) + m[0].length);
  if (/^\s*(?:-|to|or)\s*(?:£|\d)/.test(afterAmount)) return { ok: false, reason: 'the cost is a range, not one amount' };
  const pounds = BigInt(m[1]!.replace(/,/g, ''));
  const pence = m[3] ? pounds * 100000n : pounds * 100n + BigInt((m[2] ?? '').padEnd(2, '0') || '0');
  if (/\boneoff\b|\b1 times only\b|\bsingle payment\b|\bset-?up\b|\bin total\b/.test(t)) return { ok: true, pence, basis: 'one-off' };
  if (/\b(?:a|per|each)\s*(?:week|wk)\b|\bweekly\b/.test(t)) return { ok: true, pence, basis: 'weekly' };
  if (/\b(?:a|per|each)\s*(?:term|month|day|session|hour)\b|\b(?:termly|monthly|daily)\b/.test(t)) {
    return { ok: false, reason: 'the Cost cell gives an amount per term, month, day, session or hour; give an annual or one-off amount' };
  }
  return { ok: true, pence, basis: 'annual' };
}
