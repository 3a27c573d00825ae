/**
 * outcome-not-time-bound: an outcome in Section E with no time by which it should be achieved.
 * Basis: SEND Code of Practice 9.66 (outcomes should be SMART, so time-bound) and 9.68 (outcomes describe
 * what should be achieved by the end of a phase or stage of education). Guidance ("should").
 */
import type { Fix, Plan, Outcome } from '../../model.js';
import type { Rule } from '../types.js';
import { findTimeAnchors } from './language.js';
import { outcomeExtent, readOutcome } from './outcome-context.js';

/** The visible placeholder the fix puts in front of the outcome; the writer replaces "[when]". */
export const TIME_PLACEHOLDER = 'By [when], ';

/** Inserts "By [when], " where the outcome's words start (after the id and any bold or colon). */
export function timePlaceholderFix(plan: Plan, outcome: Outcome): Fix {
  let pos = outcome.textRange.start.offset;
  let end = outcome.textRange.end.offset;
  // "#### E2: Travel" with the outcome in the paragraph below: the time goes in front of the sentence
  const body = outcome.form === 'heading' ? headingBodyStart(plan, outcome) : null;
  if (body !== null) {
    pos = body;
    end = outcomeExtent(plan, outcome).end;
  }
  while (pos < end && /[\s*_:.\-–—)]/.test(plan.text[pos] ?? '')) pos += 1;
  // "To improve..." becomes "By [when], to improve..."; any other first word is left as written
  const lowerTo = plan.text.startsWith('To ', pos);
  return {
    title: `Add a time placeholder to ${outcome.id}: "By [when], ..."`,
    edits: [{ startOffset: pos, endOffset: lowerTo ? pos + 1 : pos, newText: lowerTo ? `${TIME_PLACEHOLDER}t` : TIME_PLACEHOLDER }],
  };
}

/** Where the paragraph under an outcome heading starts, or null when there is none. */
function headingBodyStart(plan: Plan, outcome: Outcome): number | null {
  const lineEnd = plan.text.indexOf('\n', outcome.idRange.start.offset);
  if (lineEnd === -1) return null;
  const { end } = outcomeExtent(plan, outcome);
  const rest = plan.text.slice(lineEnd, end);
  const m = /\S/.exec(rest);
  if (!m) return null;
  const at = lineEnd + m.index;
  return plan.text.startsWith('<!--', at) ? null : at;
}

export const outcomeNotTimeBound: Rule = {
  meta: {
    id: 'outcome-not-time-bound',
    category: 'outcomes',
    sections: ['E'],
    defaultSeverity: 'warning',
    description: 'An outcome must say by when it should be achieved (the end of a year, key stage or phase, a date, or a period).',
    basis: 'SEND Code of Practice 9.66 (SMART outcomes) and 9.68 (outcomes for the end of a phase or stage)',
    fixable: true,
  },
  check(context) {
    const { plan } = context;
    for (const outcome of plan.outcomes) {
      const reading = readOutcome(plan, outcome);
      if (findTimeAnchors(reading.text).length > 0) continue;
      if (findTimeAnchors(reading.leadIn, { leadOnly: true }).length > 0) continue;
      // The fix's placeholder is still there: say so, and do not offer to add a second one.
      if (/\[\s*when\s*\]/i.test(reading.text)) {
        context.report({
          range: outcome.range,
          message:
            `Outcome ${outcome.id} still has the placeholder "[when]". Replace it with the time by which the outcome should be achieved, ` +
            'such as "the end of Year 6", "the end of Key Stage 2" or "July 2027".',
          data: { outcomeId: outcome.id, placeholder: true },
        });
        continue;
      }
      context.report({
        range: outcome.range,
        message:
          `Outcome ${outcome.id} does not say by when it should be achieved. ` +
          'Add a time, such as "By the end of Year 6", "By the end of Key Stage 2", "By July 2027" or "Within 12 months", ' +
          'so that progress can be checked at review.',
        fix: timePlaceholderFix(plan, outcome),
        data: { outcomeId: outcome.id },
      });
    }
  },
};
