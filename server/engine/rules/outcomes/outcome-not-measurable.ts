/**
 * outcome-not-measurable: an outcome that rests on a vague verb ("improve", "develop", "understand"...)
 * and gives no observable criterion (how many, how often, how accurately, how independently, how long,
 * to what standard, or an observable action under stated conditions).
 * Basis: SEND Code of Practice 9.66 (outcomes should be SMART: specific and measurable). Guidance.
 */
import type { Rule } from '../types.js';
import { assessMeasurability } from './language.js';
import { childName, readOutcome } from './outcome-context.js';

export const outcomeNotMeasurable: Rule = {
  meta: {
    id: 'outcome-not-measurable',
    category: 'outcomes',
    sections: ['E'],
    defaultSeverity: 'warning',
    description: 'An outcome that uses a vague verb (improve, develop, understand, make progress...) must also say how achievement will be seen or counted.',
    basis: 'SEND Code of Practice 9.66 (outcomes should be specific and measurable)',
    fixable: false,
  },
  check(context) {
    const { plan } = context;
    const name = childName(plan);
    for (const outcome of plan.outcomes) {
      const { text } = readOutcome(plan, outcome);
      const result = assessMeasurability(text);
      if (result.measurable || !result.vague) continue;
      context.report({
        range: outcome.range,
        message:
          `Outcome ${outcome.id} says "${result.vague.text}" but gives no way to tell whether it has been achieved. ` +
          `Say what ${name} will do that others can see or hear, and how you will know: how many, how often, how accurately, ` +
          'how independently or for how long (for example "on 4 out of 5 days", "with one visual prompt", "for 10 minutes").',
        data: { outcomeId: outcome.id, vague: result.vague.text },
      });
    }
  },
};
