/**
 * outcome-is-aspiration: a long-term life goal ("wants to be a vet", "get a job", "live independently",
 * "go to university") written as an outcome, with no time-bound, measurable step towards it.
 * Basis: SEND Code of Practice 9.64-9.65 (aspirations are not outcomes; they belong in Section A and
 * outcomes are the steps towards them that the plan can influence). Guidance.
 */
import type { Rule } from '../types.js';
import { assessAspiration, findTimeAnchors } from './language.js';
import { childName, readOutcome } from './outcome-context.js';

export const outcomeIsAspiration: Rule = {
  meta: {
    id: 'outcome-is-aspiration',
    category: 'outcomes',
    sections: ['E'],
    defaultSeverity: 'info',
    description: 'A long-term aspiration belongs in Section A; the outcome should be a time-bound, measurable step towards it.',
    basis: 'SEND Code of Practice 9.64-9.65 (aspirations are not outcomes)',
    fixable: false,
  },
  check(context) {
    const { plan } = context;
    const name = childName(plan);
    for (const outcome of plan.outcomes) {
      const { text, leadIn } = readOutcome(plan, outcome);
      const leadInTimeBound = findTimeAnchors(leadIn, { leadOnly: true }).length > 0;
      const result = assessAspiration(text, leadInTimeBound);
      if (!result.phrase || result.hasStep) continue;
      context.report({
        range: outcome.range,
        message:
          `Outcome ${outcome.id} reads as a long-term aspiration ("${result.phrase.text}"), which belongs in Section A. ` +
          `Keep the aspiration there and write the outcome as a step towards it that the plan can influence, ` +
          `saying what ${name} will do, how you will know and by when.`,
        data: { outcomeId: outcome.id, phrase: result.phrase.text },
      });
    }
  },
};
