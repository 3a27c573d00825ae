/**
 * outcome-without-provision: an outcome that no provision item in F, G, H1 or H2 names.
 * Basis: SEND Code of Practice 9.69 (it should be clear how the provision will support achievement of the
 * outcomes); the golden thread. Guidance.
 */
import type { Rule } from '../types.js';
import { buildThread, normaliseOutcomeId } from '../../thread.js';

export const outcomeWithoutProvision: Rule = {
  meta: {
    id: 'outcome-without-provision',
    category: 'golden-thread',
    sections: ['E', 'F', 'G', 'H1', 'H2'],
    defaultSeverity: 'warning',
    description: 'Every outcome should be served by at least one item of provision that names its id.',
    basis: 'SEND Code of Practice 9.69 (clear how provision supports the outcomes)',
    fixable: false,
  },
  check(context) {
    const { plan } = context;
    const thread = buildThread(plan);
    for (const outcome of plan.outcomes) {
      if ((thread.servingById.get(normaliseOutcomeId(outcome.id)) ?? []).length > 0) continue;
      context.report({
        range: outcome.range,
        message:
          `No provision names outcome ${outcome.id}. Add ${outcome.id} to the Outcomes column (or "(${outcome.id})" in the text) of the provision in ` +
          `Section F, G, H1 or H2 that will help achieve it, or add the provision that is missing.`,
        data: { outcomeId: outcome.id },
      });
    }
  },
};
