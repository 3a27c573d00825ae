/**
 * Matching a Who cell (or a prose bullet) to a rate of the funding scheme's rate card.
 *
 * A rate matches when one of its phrases occurs in the text as whole words, ignoring case. When several
 * phrases occur, the longest phrase (in characters) wins, so "higher level teaching assistant" beats
 * "teaching assistant" and "specialist teacher" beats "teacher". When the longest phrases found belong to
 * different rates (a tie, e.g. "EP or OT"), nothing matches: the row is uncosted rather than guessed.
 */
export interface RatePhrases {
  id: string;
  phrases: string[];
}

export interface RateMatch<R extends RatePhrases> {
  rate: R;
  /** The phrase that matched, as written in the scheme. */
  phrase: string;
  /** Offset of the match in the text searched (0-based). */
  start: number;
  end: number;
}

export type RateMatchResult<R extends RatePhrases> =
  | { ok: true; match: RateMatch<R> }
  | { ok: false; reason: 'none' }
  | { ok: false; reason: 'tie'; candidates: R[]; phrases: string[] };

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase as a whole-word, case-insensitive pattern; inner spaces match any run of spaces. */
function phrasePattern(phrase: string): RegExp {
  const body = phrase.trim().split(/\s+/).map(escape).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

const patternCache = new Map<string, RegExp>();
function patternFor(phrase: string): RegExp {
  let re = patternCache.get(phrase);
  if (!re) {
    re = phrasePattern(phrase);
    patternCache.set(phrase, re);
  }
  re.lastIndex = 0;
  return re;
}

export function matchRate<R extends RatePhrases>(text: string, rates: readonly R[]): RateMatchResult<R> {
  let best: RateMatch<R>[] = [];
  let bestLength = 0;
  for (const rate of rates) {
    for (const phrase of rate.phrases) {
      const length = phrase.trim().length;
      if (length === 0 || length < bestLength) continue;
      const m = patternFor(phrase).exec(text);
      if (!m) continue;
      const found: RateMatch<R> = { rate, phrase, start: m.index, end: m.index + m[0].length };
      if (length > bestLength) {
        best = [found];
        bestLength = length;
      } else best.push(found);
    }
  }
  if (best.length === 0) return { ok: false, reason: 'none' };
  const ids = new Set(best.map((b) => b.rate.id));
  if (ids.size > 1) {
    const candidates = [...ids].map((id) => best.find((b) => b.rate.id === id)!.rate);
    return { ok: false, reason: 'tie', candidates, phrases: [...new Set(best.map((b) => b.phrase))] };
  }
  best.sort((a, b) => a.start - b.start);
  return { ok: true, match: best[0]! };
}

/**
 * Words that introduce someone who trains, supervises or advises rather than delivers: "Teaching assistant
 * trained by the speech and language therapist" is delivered by the teaching assistant.
 */
const NOT_DELIVERING = /\b(?:(?:trained|supervised|advised|guided|directed|overseen|set|written|designed|planned|modelled|monitored|assessed|reviewed)\s+by|under\s+the\s+(?:guidance|supervision|direction|advice)\s+of|(?:in\s+consultation|in\s+liaison|with\s+advice|with\s+support|with\s+training)\s+(?:with|from)|on\s+the\s+advice\s+of|following\s+(?:the|a|an)\b|as\s+advised\s+by|advice\s+from)/i;
const HYPHEN_QUALIFIER = /[\p{L}\p{N}]+-(?:trained|supervised|led|advised)\b/giu;

/** The part of a Who text that names who delivers: up to the first "trained by", "supervised by"... */
export function deliveringPart(text: string): string {
  const cut = NOT_DELIVERING.exec(text);
  const head = cut ? text.slice(0, cut.index) : text;
  return head.replace(HYPHEN_QUALIFIER, ' ');
}

/**
 * Matches the role that delivers a row: first in the delivering part of the text (see deliveringPart),
 * then, when that names no rate at all, in the whole text.
 */
export function matchDeliverer<R extends RatePhrases>(text: string, rates: readonly R[]): RateMatchResult<R> {
  const head = deliveringPart(text);
  if (head !== text) {
    const result = matchRate(head, rates);
    if (result.ok || result.reason === 'tie') return result;
  }
  return matchRate(text, rates);
}
