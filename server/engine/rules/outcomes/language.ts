/**
 * Reading the wording of a Section E outcome: time anchors, vague verbs, observable criteria, provision
 * written as an outcome and life goals written as outcomes.
 *
 * Pure functions over plain text so they can be unit-tested and reused (the language server's hovers
 * may quote the same words). Phrase lists follow the SEND Code of Practice 9.64-9.68 and local-authority
 * outcome-writing guidance summarised in the project's domain notes; they are heuristics, tuned so that
 * an outcome written in any of the usual styles ("By the end of Year 6, Sam will...", "Sam will ... by
 * July 2027", a lead-in "By the end of Key Stage 2, Sam will:" over a list) is read correctly.
 */

/** A phrase found in a text, with its character offsets in that text. */
export interface PhraseMatch {
  label: string;
  text: string;
  index: number;
  end: number;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const NUM_WORD =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty[- ]four|a|an|the\\s+next)';
const END_OF = '(?:(?:the\\s+)?(?:very\\s+)?(?:end|close|start|beginning)\\s+of\\s+)?';
const POSS = '(?:(?:the|this|that|next|his|her|their|its|[a-z]+\'s|[a-z]+’s|current|coming|following|same)\\s+)?';
const ORD = '(?:(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th|next)\\s+)?';

/**
 * Time anchors that make an outcome time-bound. `lead` anchors are the calendar ones that can also be
 * given once for a group of outcomes ("By the end of Year 6, Sam will:"); review-based anchors only count
 * inside the outcome itself, because "outcomes are reviewed at the annual review" is common lead-in text.
 */
interface AnchorPattern {
  label: string;
  re: RegExp;
  lead: boolean;
}

/** "by", "before", "until" followed by an optional "the end of". */
const BY = `(?:by|before|until|till)\\s+${END_OF}`;
/** "during", "throughout" (a stage that ends, so the end is the deadline). */
const DURING = `(?:during|throughout|over)\\s+${END_OF}`;
/** "(at) the end of" with no other preposition. */
const ENDOF = '(?:(?:the\\s+)?(?:very\\s+)?(?:end|close)\\s+of\\s+)';

const ANCHORS: AnchorPattern[] = [
  // by the end of Year 6, during Year 7, by Y6, by the summer term of Year 5, at the end of Year 2
  {
    label: 'school year',
    re: new RegExp(
      `\\b(?:${BY}|${DURING}|${ENDOF})(?:the\\s+)?(?:(?:autumn|spring|summer)\\s+(?:half[- ])?term\\s+(?:of|in)\\s+)?${POSS}(?:year|yr|y)\\s?(?:1[0-4]|[1-9]|r\\b|reception\\b)`,
      'gi',
    ),
    lead: true,
  },
  // "In Year 7, Sam will..." (only at the start: "his Year 7 class" is not a deadline; see findTimeAnchors)
  { label: 'school year', re: /^(?:in|from)\s+(?:the\s+)?(?:(?:autumn|spring|summer)\s+term\s+(?:of|in)\s+)?(?:year|yr|y)\s?(?:1[0-4]|[1-9]|r\b)/gi, lead: true },
  {
    label: 'key stage',
    re: new RegExp(`\\b(?:${BY}|${DURING}|${ENDOF})(?:(?:the|this|next|his|her|their|current)\\s+)*(?:key\\s*stage|ks)(?:\\s?[1-5])?\\b`, 'gi'),
    lead: true,
  },
  {
    label: 'early years stage',
    re: new RegExp(
      `\\b(?:${BY}|${DURING}|${ENDOF})${POSS}(?:reception|nursery|eyfs|early\\s+years(?:\\s+foundation\\s+stage)?|foundation\\s+stage|pre-?school)(?:\\s+(?:year|class|stage))?\\b`,
      'gi',
    ),
    lead: true,
  },
  // by the end of the academic year, this term, the next school year, by the end of the year
  {
    label: 'academic year',
    re: new RegExp(
      `\\b(?:${BY}|${DURING}|${ENDOF}|(?:within|in)\\s+)(?:the\\s+)?${POSS}${ORD}(?:20\\d\\d\\s*[/–-]\\s*(?:20)?\\d\\d\\s+)?(?:(?:academic|school|college|educational)\\s+year|year|term|half[- ]term)\\b`,
      'gi',
    ),
    lead: true,
  },
  // the end of his course / placement / apprenticeship; his first year at college
  {
    label: 'course or placement',
    re: new RegExp(
      `\\b${ENDOF}${POSS}${ORD}(?:[a-z0-9-]+\\s+){0,3}?(?:course|programme|placement|apprenticeship|internship|traineeship|studies|year\\s+(?:at|in|of)\\s+\\w+(?:\\s+form)?|time\\s+(?:at|in)\\s+\\w+)\\b`,
      'gi',
    ),
    lead: true,
  },
  {
    label: 'course or placement',
    re: /\b(?:by|before|until|till|at|in|during|throughout|within)\s+(?:the\s+)?(?:(?:end|close)\s+of\s+)?(?:his|her|their|the|this)\s+(?:first|second|third|final|last|1st|2nd|3rd)\s+(?:year|term|half[- ]term|semester)\b/gi,
    lead: true,
  },
  // by the end of primary school, before secondary school
  {
    label: 'phase of education',
    re: new RegExp(
      `\\b(?:${BY}|${ENDOF})${POSS}(?:primary|secondary|junior|infant|first|middle|high|upper|lower|special|sixth[- ]form|post[- ]16)\\s*(?:school|phase|education|years|provision|college)?\\b`,
      'gi',
    ),
    lead: true,
  },
  {
    label: 'transition',
    re: /\b(?:by|before|on|prior\s+to|ahead\s+of|in\s+time\s+for)\s+(?:(?:his|her|their|the)\s+)?(?:transition|transfer|transferring|moving|move|leaving|starting)\s+(?:to|from|at|in|into)\b/gi,
    lead: true,
  },
  {
    label: 'transition',
    re: /\b[Bb]efore\s+(?:he|she|they|[A-Z][a-z]+)\s+(?:leaves?|moves?|transfers?|starts?|finishes|finish|goes|go)\b/g,
    lead: true,
  },
  { label: 'by the time', re: /\bby\s+the\s+time\b/gi, lead: true },
  // by July 2027, by 31 July 2027, by the end of May, in March, July 2027
  {
    label: 'month',
    re: new RegExp(
      `\\b(?:by|before|until|till|in|during|from|of|${ENDOF})\\s*${END_OF}(?:the\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?${MONTH}\\b(?!\\s+(?:be|not|have|need|find|want|also|well|use|choose|ask|go|sometimes)\\b)`,
      'gi',
    ),
    lead: true,
  },
  { label: 'month', re: new RegExp(`\\b${MONTH}\\.?\\s+20\\d\\d\\b`, 'gi'), lead: true },
  // by summer 2027, by Easter, by the summer half-term, during the spring term
  {
    label: 'season or holiday',
    re: new RegExp(`\\b(?:${BY}|${ENDOF})(?:the\\s+)?${POSS}(?:autumn|spring|summer|winter|christmas|easter|whitsun|half[- ]term)\\b`, 'gi'),
    lead: true,
  },
  {
    label: 'season or holiday',
    re: new RegExp(
      `\\b(?:in|during|throughout|at)\\s+(?:the\\s+)?${POSS}(?:autumn|spring|summer|winter|christmas|easter|whitsun|october|february|may)\\s+(?:half[- ])?(?:term|holidays?|half[- ]term)\\b`,
      'gi',
    ),
    lead: true,
  },
  { label: 'date', re: /\b20\d\d-\d\d-\d\d\b|\b\d{1,2}[/.]\d{1,2}[/.](?:20)?\d\d\b/g, lead: true },
  { label: 'year', re: /\b(?:by|before|until|till|in|during|of|end\s+of|summer|spring|autumn|winter)\s+(?:[a-z]+\s+){0,3}?20\d\d\b/gi, lead: true },
  { label: 'academic year', re: /\b20\d\d\s*[/–-]\s*(?:20)?\d\d\b/g, lead: true },
  // within 12 months, within a year, in the next six months, over the next academic year, in 6 months' time
  {
    label: 'period',
    re: new RegExp(
      `\\b(?:within|in|over|during)\\s+(?:the\\s+)?(?:next|coming|following|first)?\\s*(?:\\d{1,3}|${NUM_WORD})?\\s*(?:calendar\\s+|academic\\s+|school\\s+)?(?:weeks?|months?|years?|terms?|half[- ]terms?)\\b(?:\\s*'?\\s*time)?`,
      'gi',
    ),
    lead: true,
  },
  // by age 19, by the age of 16, by the time he is 18, before his 16th birthday
  {
    label: 'age',
    re: /\b(?:by|before|at|until)\s+(?:the\s+)?age\s+(?:of\s+)?\d{1,2}\b|\b(?:by|before|on|at)\s+(?:his|her|their|[a-z]+'s)\s+\d{1,2}(?:st|nd|rd|th)\s+birthday\b|\bby\s+(?:the\s+)?(?:time\s+)?(?:he|she|they|[a-z]+)\s+(?:is|are|turns?|reaches)\s+(?:aged?\s+)?\d{1,2}\b/gi,
    lead: true,
  },
  // at / by the next annual review (inside an outcome only)
  {
    label: 'review',
    re: /\b(?:by|at|before|for)\s+(?:the\s+)?(?:time\s+of\s+)?(?:(?:his|her|their|the|[a-z]+'s)\s+)?(?:next|first|following|forthcoming|\d{4})\s+(?:annual\s+)?review\b|\b(?:by|at|before)\s+(?:the\s+time\s+of\s+)?(?:(?:his|her|their|the|[a-z]+'s)\s+)?annual\s+review\b/gi,
    lead: false,
  },
];

/** Anchors that are plain calendar dates, which in a lead-in only count as a deadline ("by July 2027"). */
const CALENDAR_LABELS = new Set(['month', 'date', 'year', 'academic year', 'season or holiday']);
/** Words that make a time a deadline. */
const DEADLINE_WORD = /\b(?:by|before|until|till|within|during|throughout|over|end|close|next|time|for)\b/i;

/** Phrases that look like anchors but are conditions, not deadlines. */
const NOT_ANCHOR =
  /^(?:in|during|over|at)\s+(?:a|an|one|each|every|per)\b|^(?:in|during|within|over|at)\s+(?:the\s+)?(?:lesson|session|day|week|minute|morning|afternoon)\b/i;

function findAll(text: string, re: RegExp, label: string): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  const flags = re.flags.includes('g') ? re.flags : `${re.flags}g`;
  const g = new RegExp(re.source, flags);
  let m: RegExpExecArray | null;
  while ((m = g.exec(text)) !== null) {
    if (m[0].length === 0) {
      g.lastIndex += 1;
      continue;
    }
    out.push({ label, text: m[0].trim(), index: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Normalises typography so the patterns see one form of quotes, dashes and spaces. */
export function normaliseOutcomeText(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\u00a0/g, ' ')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "(PfA: Employment)" tags carry no wording to judge. */
function stripPfaTag(text: string): string {
  return text.replace(/\(\s*pfa\s*:[^)]*\)/gi, ' ');
}

/** The time anchors in a text. With `leadOnly`, only anchors that may be given once for several outcomes. */
export function findTimeAnchors(text: string, options: { leadOnly?: boolean } = {}): PhraseMatch[] {
  const t = normaliseOutcomeText(stripPfaTag(text));
  const out: PhraseMatch[] = [];
  for (const a of ANCHORS) {
    if (options.leadOnly && !a.lead) continue;
    for (const m of findAll(t, a.re, a.label)) {
      if (a.label === 'period') {
        // "within 12 months" needs a unit of time and how many of them (a number, "a", "next")
        if (!/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|next|coming|following|first|an?)\b/i.test(m.text)) continue;
        if (NOT_ANCHOR.test(m.text)) continue;
      }
      // "in the year", "over the term" say nothing about when
      if (a.label === 'academic year' && /^(?:in|at|over|during|within|throughout)\s+(?:the\s+)?(?:year|term)\b/i.test(m.text)) continue;
      // In a lead-in, a date must read as a deadline ("by", "before", "the end of"...): "These outcomes were
      // agreed on 12 March 2026" gives no time for them.
      if (options.leadOnly && CALENDAR_LABELS.has(a.label) && !DEADLINE_WORD.test(`${t.slice(Math.max(0, m.index - 20), m.index)} ${m.text}`)) continue;
      out.push(m);
    }
  }
  return out.sort((x, y) => x.index - y.index);
}

export function isTimeBound(text: string): boolean {
  return findTimeAnchors(text).length > 0;
}

// ---------------------------------------------------------------------------------------------------
// Measurability

interface VaguePattern {
  label: string;
  re: RegExp;
}

/** Vague verbs and phrases that say nothing anyone could observe (Code 9.66 "SMART"; LA guidance). */
const VAGUE: VaguePattern[] = [
  { label: 'improve', re: /\bimprov(?:e|es|ed|ing|ements?)\b/gi },
  { label: 'develop', re: /\bdevelop(?:s|ed|ing|ments?)?\b/gi },
  { label: 'understand', re: /\b(?:understand(?:s|ing)?|understood)\b/gi },
  { label: 'be aware of', re: /\b(?:be|become|becoming|is|are)\s+(?:more\s+)?aware\b|\bawareness\b/gi },
  {
    label: 'make progress',
    re: /\b(?:make|makes|making|made|show|shows|showing)\s+(?:[a-z]+\s+){0,2}progress\b|\bprogress(?:es|ing)?\s+(?:in|with|towards?|through)\b/gi,
  },
  { label: 'engage with', re: /\bengag(?:e|es|ed|ing|ement)\b/gi },
  { label: 'access', re: /\baccess(?:es|ing)?\b/gi },
  { label: 'achieve potential', re: /\b(?:achieve|reach|fulfil|realise|meet)\w*\s+(?:(?:his|her|their|full|own|[a-z]+'s)\s+)*potential\b|\bpotential\b/gi },
  {
    label: 'gain confidence',
    re: /\b(?:gain|build|grow|increase|develop|improve|boost|have|show|feel)(?:s|ed|ing)?\s+(?:(?:in|his|her|their|more|greater|self)[- ]?\s*)*(?:confidence|self[- ]esteem|self[- ]worth|resilience)\b|\b(?:be|become|feel|grow)\s+(?:more\s+)?(?:confident|resilient)\b|\bconfidence\b|\bself[- ]esteem\b/gi,
  },
  { label: 'work towards', re: /\bwork(?:s|ing)?\s+towards?\b/gi },
  { label: 'continue to', re: /\bcontinu(?:e|es|ing)\s+(?:to|with)\b/gi },
  {
    label: 'manage emotions',
    re: /\b(?:manag|regulat|control|handl)(?:e|es|ed|ing)\s+(?:(?:his|her|their|own|[a-z]+'s)\s+)*(?:emotions?|feelings?|behaviou?rs?|anxiety|anxieties|frustrations?|anger|stress|worries|sensory\s+needs|condition|himself|herself|themselves|transitions?|change)\b|\bself[- ]regulat\w*|\bemotional\s+regulation\b/gi,
  },
  {
    label: 'be happy',
    re: /\b(?:be|feel|feels|become|remain|appear|seem|is|are)\s+(?:more\s+)?(?:happy|happier|settled|safe|safer|calm|calmer|content|comfortable|relaxed|included|valued|secure|ready|prepared)\b|\bhappiness\b|\bwell[- ]?being\b/gi,
  },
  { label: 'be more', re: /\b(?:be|become|becoming|feel|get|grow)\s+(?:more|less|better)\b/gi },
  {
    label: 'increase',
    re: /\b(?:increas|reduc|decreas|extend|enhanc|strengthen|consolidat|broaden|widen|expand|maximis)(?:e|es|ed|ing)\b/gi,
  },
  { label: 'learn about', re: /\blearn(?:s|ing|t)?\s+(?:about|more|how)\b/gi },
  { label: 'have better skills', re: /\bhave\s+(?:better|good|improved|greater|more|stronger|age[- ]appropriate)\b/gi },
  { label: 'cope', re: /\bcop(?:e|es|ing)\b/gi },
  { label: 'enjoy', re: /\benjoy(?:s|ed|ing|ment)?\b/gi },
  { label: 'explore', re: /\bexplores?\b|(?<!\bwork\s)\bexperiences?\b(?!\s+(?:placement|day|week))/gi },
  { label: 'know', re: /\bknow(?:s)?\s+(?:about|how|that|when|what|where|which|who|more)\b|\bknowledge\b/gi },
  {
    label: 'relationships',
    re: /\b(?:build|form|develop|maintain|establish)(?:s|ed|ing)?\s+(?:positive\s+|good\s+|healthy\s+)?(?:relationships?|friendships?)\b|\bmake\s+(?:new\s+)?friends\b/gi,
  },
  { label: 'strategies', re: /\b(?:learn|learns|develop|develops|have|has|use|uses|know|knows|build|find)\s+(?:(?:some|more|new|a\s+range\s+of|his|her|their|own)\s+)*strateg(?:y|ies)\b/gi },
  { label: 'appropriately', re: /\b(?:appropriately|appropriate\s+behaviou?r|effectively|successfully|positively)\b/gi },
  { label: 'skills', re: /\b(?:social|communication|life|independence|self[- ]help|language|literacy|numeracy|motor|listening|attention)\s+skills\b/gi },
];

/** Verbs someone can see or hear a child do (Code 9.66; LA outcome guidance "use action verbs"). */
const OBSERVABLE_BASE =
  'read|write|say|tell|ask|request|name|label|count|travel|dress|undress|initiate|start|take\\s+turns|complete|choose|select|use|follow|attend|prepare|point|sign|spell|answer|explain|describe|identify|match|sort|type|copy|greet|share|wait|sit|stay|walk|climb|catch|throw|kick|hop|jump|pour|cut|eat|feed|wash|brush|order|buy|pay|cross|cook|list|retell|recall|solve|calculate|add|subtract|measure|join\\s+in|play|participate|take\\s+part|hand\\s+in|pack|put\\s+on|leave|return|contribute|present|demonstrate|show|respond|recognise|locate|find|plan|record|communicate|give|remain|stop|tidy|put|swim|ride|speak|listen|hold|open|carry|go|move|manage|make|get|take|look|turn|write|sing|draw|build|tell';
/** The verb as the outcome's action: after "will", "to", "can", "and"... or at the start of a lead-in item. */
const OBSERVABLE_VERB = new RegExp(
  `(?:^|\\b(?:will|to|can|and|or|then|also|independently|able\\s+to)\\s+)(?:[a-z]+ly\\s+)?(?:${OBSERVABLE_BASE})\\b|\\b(?:reads|writes|says|tells|asks|requests|travels|dresses|initiates|completes|chooses|selects|follows|attends|prepares|answers|explains|describes|identifies|greets|shares|waits|sits|walks|speaks|communicates|responds|participates|contributes|takes\\s+part|uses|names|counts|makes|goes|plays)\\b`,
  'i',
);

/** Conditions under which a behaviour is observed; they count only together with an observable verb. */
const CONDITION =
  /\b(?:when(?:ever)?\s+(?:he|she|they|[a-z]+)\s+(?:is|are|feels?|becomes?|gets?|needs?|wants?|has|have|finds?|does\s+not|doesn't|cannot|can't|arrives?|leaves?)\b|if\s+(?:he|she|they)\s+(?:is|are|feels?|becomes?|gets?|needs?|wants?)\b|at\s+(?:break|lunch|play|snack|registration|home|tidy[- ]up|circle|carpet|the\s+start|the\s+end|the\s+beginning)\b|in\s+(?:the\s+)?(?:playground|classroom|dining\s+hall|canteen|lessons?|class|small[- ]group|whole[- ]class|assembl(?:y|ies)|community|shops?|supermarket|college|kitchen|pe|maths|english|science|unstructured\s+times?|all\s+(?:lessons|subjects|settings))\b|with\s+(?:an?\s+)?(?:unfamiliar|familiar|new|known)\s+(?:adults?|peers?|people|staff)\b|with\s+(?:a|his|her|their)\s+(?:peer|friend|partner|group)\b|using\s+(?:his|her|their|a|an|the)\s+\w+|across\s+(?:\w+\s+)?(?:settings|lessons|subjects|contexts|the\s+school\s+day)\b)/i;

/** Observable criteria: how many, how often, how accurately, how independently, how long, to what standard. */
const CRITERIA: VaguePattern[] = [
  { label: 'a number', re: /\d/ },
  {
    label: 'a number',
    re: /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|single|both|twice|thrice|half|all\s+of)\b(?!\s+(?:day\b(?!\s+(?:a|per|each|every))|another|other))|\bonce\s+(?:a|per|every|each|in)\b/i,
  },
  {
    label: 'a frequency',
    re: /\b(?:daily|weekly|fortnightly|termly|every|each|times?\s+a|a\s+(?:day|week|lesson|term|session|fortnight)|per\s+(?:day|week|lesson|term|session|month)|always|at\s+all\s+times|on\s+all|in\s+all|on\s+every|on\s+each|at\s+every|at\s+each)\b(?!\s+other\b)/i,
  },
  { label: 'an accuracy', re: /%|\bper\s*cent\b|\baccuracy\b|\bwithout\s+(?:any\s+)?(?:errors?|mistakes?)\b/i },
  {
    label: 'a level of independence',
    re: /\bindependently\b|\b(?:fully|completely|totally)\s+independent\b|\bunaided\b|\bunprompted\b|\bwithout\s+(?:any\s+|an?\s+|further\s+|being\s+|needing\s+(?:to\s+be\s+|an?\s+)?|the\s+need\s+for\s+(?:an?\s+)?)?(?:adult|staff|help|support|prompt\w*|reminders?|reminded|assistance|asked|told|physical\s+\w+|verbal\s+\w+|visual\s+\w+|hand[- ]over[- ]hand)\b|\bwith\s+(?:no|only|just|a\s+single|one|two|three|no\s+more\s+than\s+\w+|a|an)\s+(?:\w+\s+)?(?:prompts?|reminders?|cues?)\b|\bon\s+(?:his|her|their)\s+own\b|\bby\s+(?:himself|herself|themselves|themself)\b/i,
  },
  {
    label: 'a duration',
    re: /\bfor\s+(?:at\s+least\s+|up\s+to\s+)?(?:a\s+(?:whole|full)\s+|the\s+(?:whole|full|entire|duration\s+of\s+the)\s+|an?\s+)?(?:minutes?|mins?|seconds?|hours?|lessons?|sessions?|school\s+day|day|morning|afternoon|assembly|journey|story|activity)\b|\bthroughout\s+(?:the\s+)?(?:whole\s+)?(?:lesson|session|school\s+day|day|morning|afternoon|assembly)\b/i,
  },
  {
    label: 'a standard',
    re: /\bage[- ]related\s+expectations?\b|\bexpected\s+(?:standard|level)\b|\breading\s+age\b|\bspelling\s+age\b|\bstandardi[sz]ed\s+score\b|\bworking\s+at\b|\bgreater\s+depth\b|\bpre-key\s+stage\b|\bphase\s+\w+\b|\bbook\s+band\b|\bgcses?\b|\bbtec\b|\bfunctional\s+skills\b|\bentry\s+level\b|\bnvq\b|\ba[- ]levels?\b|\bqualifications?\b|\bcertificate\b|\baward\b|\bdiploma\b|\baccredit\w*\b|\bpass(?:es|ed)?\s+(?:(?:his|her|their|the|a|an)\s+)?(?:\w+\s+){0,2}(?:exams?|tests?|qualifications?|courses?|gcses?|assessments?|modules?|units?)\b/i,
  },
];

/** Numbers that belong to the time anchor, a provision ratio or an id, not to a measure. */
function stripNonCriterionNumbers(text: string): string {
  return text
    .replace(/\b(?:year|yr|y)\s?(?:1[0-4]|[1-9])\b/gi, ' ')
    .replace(/\b(?:key\s*stage|ks)\s?[1-5]\b/gi, ' ')
    .replace(/\b20\d\d(?:\s*[/–-]\s*(?:20)?\d\d)?\b/g, ' ')
    .replace(/\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/gi, ' ')
    .replace(/\bage\s+(?:of\s+)?\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)\s+birthday\b|\b(?:is|are|turns?)\s+\d{1,2}\b/gi, ' ')
    .replace(/\b\d+\s*:\s*\d+\b/g, ' ')
    .replace(/\b[Ee]\d+\b/g, ' ');
}

export interface MeasurabilityReport {
  /** The first vague phrase found, or null when there is none. */
  vague: PhraseMatch | null;
  /** What kind of observable criterion was found ("a number", "a frequency"...), or null. */
  criterion: string | null;
  measurable: boolean;
}

/** Removes the given phrases from a text (they are judged by other rules: anchors, life goals). */
function removeSpans(text: string, spans: PhraseMatch[]): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.index - a.index)) out = `${out.slice(0, s.index)} ${out.slice(s.end)}`;
  return out;
}

function allVague(t: string): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (const v of VAGUE) out.push(...findAll(t, v.re, v.label));
  return out.sort((a, b) => a.index - b.index);
}

/** The first observable criterion in a text (after its time anchors are set aside), or null. */
export function findCriterion(text: string): string | null {
  const t0 = normaliseOutcomeText(stripPfaTag(text));
  const t = stripNonCriterionNumbers(removeSpans(t0, findTimeAnchors(t0)));
  for (const c of CRITERIA) {
    if (c.re.test(t)) return c.label;
  }
  // an observable action under stated conditions ("will use his calm card when he feels anxious")
  const withoutVague = removeSpans(t, allVague(t));
  if (OBSERVABLE_VERB.test(withoutVague) && CONDITION.test(withoutVague)) return 'an observable action in stated conditions';
  return null;
}

export function findVagueWording(text: string): PhraseMatch | null {
  const t = normaliseOutcomeText(stripPfaTag(text));
  return allVague(t)[0] ?? null;
}

/**
 * An outcome is not measurable when it leans on a vague verb and gives no observable criterion (how many,
 * how often, how accurately, how independently, how long, to what standard, or an observable action under
 * stated conditions). An outcome with an observable criterion passes even if it also says "understand".
 */
export function assessMeasurability(text: string): MeasurabilityReport {
  const t = normaliseOutcomeText(stripPfaTag(text));
  const vague = findVagueWording(t);
  const criterion = findCriterion(t);
  return { vague, criterion, measurable: vague === null || criterion !== null };
}

// ---------------------------------------------------------------------------------------------------
// Provision written as an outcome

const STAFF =
  "(?:(?:the|a|an|his|her|their|[a-z]+'s|all|named|trained|relevant|key|class|school|setting|college|specialist|designated)\\s+)*(?:school|setting|college|nursery|academy|staff(?:\\s+members?)?|members?\\s+of\\s+staff|adults?|teachers?|class\\s+teachers?|form\\s+tutors?|teaching\\s+assistants?|tas?|lsas?|hltas?|learning\\s+support\\s+assistants?|sen(?:d)?cos?|inclusion\\s+(?:lead|manager)|key\\s+(?:workers?|person|adults?)|keyworkers?|therapists?|salts?|slts?|speech\\s+and\\s+language\\s+(?:therapists?|therapy(?:\\s+service)?|team)|ots?|occupational\\s+therap(?:ists?|y)|physiotherap(?:ists?|y)|eps?|educational\\s+psychologists?|psycholog(?:ists?|y\\s+service)|local\\s+authority|la|council|professionals?|mentors?|tutors?|practitioners?|support\\s+workers?|social\\s+workers?|nurses?|parents?|carers?|services?|camhs|health\\s+visitors?|providers?)";
const MODAL =
  '(?:will|shall|should|must|can|could|may|would|to|are\\s+to|is\\s+to|need\\s+to|needs\\s+to|are\\s+going\\s+to|is\\s+going\\s+to)';

/** "without needing to be prompted", "will not need to be supported": the opposite of provision. */
const NEGATED_BEFORE = /\b(?:without|not|no\s+longer|never|rather\s+than|instead\s+of|less|fewer|reduc\w*|minimal)\b[^.;,]{0,25}$/i;

/** Words before "will be..." that show the subject is a measure or a thing, not the child. */
const NOT_CHILD_SUBJECT = /\b(?:which|this|it|that|these|progress|outcomes?|targets?|attendance|work|data|evidence|results?|scores?|skills?|records?)\s*$/i;

const PROVISION_PATTERNS: VaguePattern[] = [
  { label: 'will receive', re: /\b(?:will|to|shall|should|must|can|would)\s+(?:continue\s+to\s+)?receive\b/gi },
  {
    label: 'will be given',
    re: /\b(?:will|to|shall|should|must|can|would)\s+(?:continue\s+to\s+)?be\s+(?:given|provided|offered|allocated|taught|supported|helped|assisted|encouraged|enabled|shown|prompted|supervised|monitored|assessed|referred|seen\s+by|coached|mentored|scaffolded|funded)\b/gi,
  },
  {
    label: 'will have access to',
    re: /\b(?:will|to|shall|should|must|can|would)\s+(?:continue\s+to\s+)?(?:have\s+(?:(?:daily|weekly|regular|continued|ongoing)\s+)?(?:access|the\s+opportunity|opportunities|the\s+chance)\s+to|be\s+able\s+to\s+access\s+(?:\w+\s+){0,3}?(?:support|sessions?|therapy|interventions?|provision|programmes?|tuition))\b/gi,
  },
  {
    label: 'will have support',
    re: /\b(?:will|to|shall|should|must|can)\s+(?:continue\s+to\s+)?have\s+(?:(?:a|an|his|her|their|the|own|daily|weekly|regular|additional|dedicated|named|designated|specialist|individual|small[- ]group)\s+)*(?:(?!to\b)[\w:-]+\s+){0,2}?(?:support|sessions?|therapy|teaching\s+assistant|ta|lsa|key\s+worker|key\s+adult|intervention|tuition|1:1|one[- ]to[- ]one|equipment|resources?|visual\s+timetable|laptop|help|adult\s+support)\b/gi,
  },
  {
    label: 'will access',
    re: /\b(?:will|to|shall|should|must|can)\s+(?:continue\s+to\s+)?access\s+(?:\w+\s+){0,3}?(?:support|sessions?|therapy|interventions?|provision|programmes?|tuition|specialist|speech\s+and\s+language|salt|ot|occupational|physio\w*|counselling|mentoring|nurture|elsa)\b/gi,
  },
];

/** A clause whose subject is a member of staff or a service ("The TA will...", "School to provide..."). */
const STAFF_SUBJECT = new RegExp(
  `^(?:(?:by|before|within|during|at|in|over|until|from)\\b[^,]{0,80},\\s*)?(?:for\\s+)?${STAFF}\\s+(?:(?:and|or)\\s+${STAFF}\\s+)?${MODAL}\\b`,
  'i',
);
/** Service verbs that are never the child's own action at the start of an outcome ("To provide..."). */
const SERVICE_ALWAYS = /^(?:to\s+)?(?:provide|deliver|implement|allocate|put\s+in\s+place|carry\s+out|fund|commission|set\s+up\s+(?:a|an)\s+(?:programme|intervention|plan))\b/i;
/** Service verbs that are the adult's action when their object is the child ("To support Sam to..."). */
const SERVICE_WITH_PERSON = /^(?:to\s+)?(?:offer|ensure|give|support|help|enable|teach|encourage|monitor|facilitate|assist|prompt|coach|allow)\s+(?:that\s+)?(\S+)/i;
/** "him", "them", "her to...", "the child", or a name ("Sam"), as the object of a service verb. */
function isPersonObject(after: string): boolean {
  if (/^(?:him|them|that|the\s+(?:child|pupil|young\s+person|student|learner))\b/i.test(after)) return true;
  if (/^her\b(?=\s*(?:$|[,.;]|to\b|with\b|in\b|during\b|at\b|by\b|when\b|so\b|and\b))/i.test(after)) return true;
  return /^[A-Z][a-z]+(?:'s)?\b/.test(after) && !/^(?:I|Year|Key|English|Maths|Science|Reception|Nursery)\b/.test(after);
}
/** A list item under a lead-in "By ..., Sam will:" that starts with what the child is given. */
const BARE_PROVISION_START =
  /^(?:to\s+)?(?:receive|be\s+(?:given|provided|offered|allocated|supported|taught|helped|encouraged)|have\s+access\s+to|have\s+the\s+opportunity\s+to|access\s+(?:\w+\s+){0,3}?(?:support|sessions?|therapy|interventions?|provision|programmes?|tuition))\b/i;

const LEADING_ANCHOR = /^(?:(?:by|before|within|during|at|in|over|until|from)\b[^,]{0,80},\s*)/i;

/** Where an outcome is written as provision or from a service's point of view: the phrase, or null. */
export function findProvisionWording(text: string): PhraseMatch | null {
  const t = normaliseOutcomeText(stripPfaTag(text));
  for (const p of PROVISION_PATTERNS) {
    for (const m of findAll(t, p.re, p.label)) {
      const before = t.slice(Math.max(0, m.index - 40), m.index);
      if (NEGATED_BEFORE.test(before)) continue;
      // "progress, which will be monitored termly": the subject is not the child
      if (NOT_CHILD_SUBJECT.test(before)) continue;
      return m;
    }
  }
  // clause by clause: after a full stop or semicolon, or "and"/"so that" before a new subject
  const clauses = t.split(/(?<=[.;!?])\s+|\s+(?:and|so\s+that|so|then|while|whilst)\s+(?=(?:the\s+)?(?:[a-z']+\s+){0,2}(?:will|to|should|must)\b)/i);
  let offset = 0;
  // Only the first clause: "Sam will read 20 words; his teacher will record this weekly" is the child's
  // outcome with a note of how it is measured.
  for (const raw of clauses.slice(0, 1)) {
    const clause = raw.trim();
    if (clause.length === 0) continue;
    const at = Math.max(0, t.indexOf(clause, offset));
    offset = at + clause.length;
    const staff = STAFF_SUBJECT.exec(clause);
    if (staff) return { label: 'staff as the subject', text: staff[0].trim(), index: at, end: at + staff[0].length };
    const body = clause.replace(LEADING_ANCHOR, '');
    const always = SERVICE_ALWAYS.exec(body);
    if (always) return { label: 'a service action', text: always[0].trim(), index: at, end: at + always[0].length };
    const withPerson = SERVICE_WITH_PERSON.exec(body);
    if (withPerson && isPersonObject(body.slice(withPerson[0].length - (withPerson[1] ?? '').length))) {
      return { label: 'a service action', text: withPerson[0].trim(), index: at, end: at + withPerson[0].length };
    }
  }
  const bare = BARE_PROVISION_START.exec(t.replace(LEADING_ANCHOR, ''));
  if (bare) return { label: 'provision', text: bare[0].trim(), index: 0, end: bare[0].length };
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Aspirations written as outcomes

const JOBS =
  '(?:professional\\s+|premier\\s+league\\s+|famous\\s+|qualified\\s+)?(?:footballer|football\\s+player|vet|veterinary\\s+\\w+|doctor|nurse|chef|cook|teacher|mechanic|hairdresser|barber|pilot|police\\s+(?:officer|man|woman)|policeman|policewoman|firefighter|fireman|youtuber|you\\s*tuber|gamer|artist|actor|actress|singer|dancer|scientist|engineer|builder|electrician|plumber|farmer|zoo\\s*keeper|astronaut|lawyer|athlete|paramedic|soldier|vlogger|games?\\s+designer|animator|musician|author|writer|photographer|carpenter|joiner|beautician|nursery\\s+nurse|childminder|care\\s+worker|shop\\s+assistant|designer|dentist|architect|boxer|racing\\s+driver|lorry\\s+driver|bus\\s+driver|train\\s+driver|baker|gardener|model|vet\\s+nurse|dj|rapper|streamer|comedian|programmer|coder|computer\\s+\\w+|(?:\\w+\\s+)?apprentice)';

const ASPIRATION: VaguePattern[] = [
  {
    label: 'a wish for the future',
    re: new RegExp(
      `\\b(?:wants?|wanted|would\\s+(?:like|love)|wishes|hopes?|dreams?\\s+of|aspires?|is\\s+keen|plans?|intends?)\\s+(?:is\\s+)?(?:to\\s+)?(?:be(?:come)?\\s+(?:a|an)\\s+(?!good\\b)\\w+|be(?:come)?\\s+${JOBS}|becoming\\s+(?:a|an)\\s+\\w+|work(?:ing)?\\s+(?:as|in|with|for|at)\\b|liv(?:e|ing)\\b|driv(?:e|ing)\\b|own(?:ing)?\\b|travel(?:l?ing)?\\b|marry|get(?:ting)?\\s+married|hav(?:e|ing)\\s+(?:a\\s+family|children|(?:his|her|their)\\s+own)|go(?:ing)?\\s+to\\s+(?:university|uni)|(?:run|start|open|set\\s+up)\\s+(?:his|her|their|a|an)\\s+(?:own\\s+)?(?:business|shop|cafe|café|company)|join(?:ing)?\\s+the\\s+(?:army|navy|raf|police|fire\\s+service|marines)|play(?:ing)?\\s+(?:football|cricket|rugby|basketball)\\s+(?:for|professionally))`,
      'gi',
    ),
  },
  { label: 'a wish for the future', re: /\b(?:his|her|their|[a-z]+'s)\s+(?:dream|ambition|aspiration|long[- ]term\s+(?:goal|aim|aspiration)|hope|wish)\s+is\b/gi },
  { label: 'a career', re: new RegExp(`\\b(?:be(?:come|comes|coming)?|work(?:s|ing)?\\s+as|career\\s+as|job\\s+as)\\s+(?:a|an)\\s+${JOBS}\\b`, 'gi') },
  {
    label: 'a job',
    re: /\b(?:get|gets|getting|find|finds|finding|gain|gains|gaining|secure|secures|securing|have|has|having|obtain|obtains|into)\s+(?:a\s+|an\s+|his\s+|her\s+|their\s+)?(?:first\s+)?(?:full[- ]time\s+|part[- ]time\s+|paid\s+|permanent\s+|good\s+|proper\s+|real\s+|dream\s+)?(?:job|employment|paid\s+work|career)\b/gi,
  },
  {
    label: 'independent living',
    re: /\bliv(?:e|es|ing)\s+(?:fully\s+|more\s+)?(?:independently|independent\s+lives?|on\s+(?:his|her|their)\s+own|in\s+(?:his|her|their)\s+own\s+(?:home|flat|house|place)|with\s+(?:friends|a\s+partner)|away\s+from\s+home|an?\s+independent\s+life)\b|\bindependent\s+li(?:fe|ving)\b(?!\s+skills)/gi,
  },
  { label: 'a home of their own', re: /\b(?:have|own|buy|rent)\s+(?:his|her|their)\s+own\s+(?:home|flat|house|car|business)\b/gi },
  {
    label: 'university',
    re: /\b(?:go(?:es|ing)?|get(?:s|ting)?)\s+(?:on\s+)?(?:to|into)\s+(?:university|uni)\b|\b(?:attend|study\s+at|a\s+place\s+at)\s+(?:a\s+)?university\b|\buniversity\s+degree\b|\b(?:get|gain|achieve|do|study\s+for)\s+a\s+degree\b/gi,
  },
  { label: 'family life', re: /\b(?:get|be)\s+married\b|\bhave\s+(?:a|his\s+own|her\s+own|their\s+own)\s+family\b|\bhave\s+children\b|\bstart\s+a\s+family\b/gi },
  {
    label: 'a far-off future',
    re: /\bone\s+day\b(?!\s+(?:a|per|each|every)\b)|\bin\s+the\s+future\b|\bin\s+later\s+life\b|\bas\s+an\s+adult\b|\bin\s+adult(?:hood|\s+life)\b|\bwhen\s+(?:he|she|they|[a-z]+)\s+(?:is|are|grows?|gets?)\s+(?:older|grown[- ]up|an\s+adult|up)\b/gi,
  },
];

export interface AspirationReport {
  phrase: PhraseMatch | null;
  /** True when the outcome also names a time-bound, measurable step the plan can influence. */
  hasStep: boolean;
}

/**
 * A long-term life goal (Code 9.65: aspirations belong in Section A) written as an outcome, with no
 * time-bound, measurable step towards it that the plan's provision can influence.
 */
export function assessAspiration(text: string, leadInTimeBound = false): AspirationReport {
  const t = normaliseOutcomeText(stripPfaTag(text));
  const found: PhraseMatch[] = [];
  for (const a of ASPIRATION) found.push(...findAll(t, a.re, a.label));
  if (found.length === 0) return { phrase: null, hasStep: false };
  found.sort((a, b) => a.index - b.index);
  const rest = removeSpans(t, found);
  const timeBound = leadInTimeBound || isTimeBound(rest);
  const criterion = findCriterion(rest);
  return { phrase: found[0] ?? null, hasStep: timeBound && criterion !== null };
}
