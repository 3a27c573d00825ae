/**
 * outcome-count: fewer than 3 or more than 12 outcomes in Section E.
 * Basis: local-authority outcome guidance (typically 3-8 or 3-10 broad outcomes) and SEND Code of Practice
 * 9.68 (outcomes are for the end of a phase or stage; shorter-term targets are set by the setting). Local
 * practice, not law: an info.
 */
import type { Rule } from '../types.js';

export const MIN_OUTCOMES = 3;
export const MAX_OUTCOMES = 12;

export const outcomeCount: Rule = {
  meta: {
    id: 'outcome-count',
    category: 'outcomes',
    sections: ['E'],
    defaultSeverity: 'info',
    description: `Section E usually holds between ${MIN_OUTCOMES} and ${MAX_OUTCOMES} broad outcomes.`,
    basis: 'Local-authority outcome guidance; SEND Code of Practice 9.68 (short-term targets are set by the setting)',
    fixable: false,
  },
  check(context) {
    const { plan } = context;
    const section = plan.sectionsFor('E')[0];
    if (!section || section.empty) return;
    const count = plan.outcomes.length;
    if (count >= MIN_OUTCOMES && count <= MAX_OUTCOMES) return;
    const message =
      count < MIN_OUTCOMES
        ? `Section E has ${count === 0 ? 'no outcomes with an id (E1, E2...)' : count === 1 ? 'only 1 outcome' : `only ${count} outcomes`}. ` +
          `A plan usually needs at least ${MIN_OUTCOMES}, with at least one for each area of need in Section B. ` +
          'Check that every need has an outcome, each starting with its id ("- **E1** By ...").'
        : `Section E has ${count} outcomes. More than ${MAX_OUTCOMES} usually means short-term targets have been written as outcomes. ` +
          'Group them into fewer, broader outcomes for the end of the phase or key stage, and leave short-term targets to the setting.';
    context.report({ range: section.heading.range, message, data: { count } });
  },
};
