/**
 * provision-unknown-outcome: a provision item names an outcome id that is not an outcome in Section E.
 * Reported once per unknown id per item, at the reference.
 * Basis: SEND Code of Practice 9.69 (provision linked to the outcomes it supports); a broken reference
 * breaks the golden thread.
 */
import type { Rule } from '../types.js';
import { buildThread } from '../../thread.js';

export const provisionUnknownOutcome: Rule = {
  meta: {
    id: 'provision-unknown-outcome',
    category: 'golden-thread',
    sections: ['F', 'G', 'H1', 'H2'],
    defaultSeverity: 'error',
    description: 'Outcome ids named by provision must be outcomes in Section E.',
    basis: 'SEND Code of Practice 9.69 (provision linked to outcomes)',
    fixable: false,
  },
  check(context) {
    const { plan } = context;
    if (plan.sectionsFor('E').length === 0) return; // every id is unknown; section-missing says why
    const known = [...buildThread(plan).outcomesById.keys()];
    for (const r of buildThread(plan).unknownReferences) {
      const list = known.length > 0 ? `The outcomes in Section E are ${known.join(', ')}.` : 'Section E has no outcomes with ids.';
      context.report({
        range: r.ref.range,
        message: `This provision names outcome ${r.ref.id}, but there is no outcome ${r.id} in Section E. ${list} Correct the id or add the outcome.`,
        data: { outcomeId: r.id },
      });
    }
  },
};
