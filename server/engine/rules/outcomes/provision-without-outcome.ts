/**
 * provision-without-outcome: a provision item (table row or bullet) that names no outcome.
 * Basis: SEND Code of Practice 9.69 (it should be clear how the provision supports the outcomes); the
 * golden thread. Guidance.
 */
import type { Rule } from '../types.js';
import { buildThread } from '../../thread.js';

export const provisionWithoutOutcome: Rule = {
  meta: {
    id: 'provision-without-outcome',
    category: 'golden-thread',
    sections: ['F', 'G', 'H1', 'H2'],
    defaultSeverity: 'warning',
    description: 'Each item of provision should name the outcome(s) it serves (an Outcomes column, or "(E1)" in a bullet).',
    basis: 'SEND Code of Practice 9.69 (provision linked to outcomes)',
    fixable: false,
  },
  check(context) {
    const { plan } = context;
    if (plan.outcomes.length === 0) return; // nothing to name; outcome-count / section rules say why
    for (const item of buildThread(plan).provisionWithoutOutcome) {
      const how = item.form === 'table-row' ? 'in its Outcomes column' : 'in the text, e.g. "(E1, E2)" or "Outcomes: E1"';
      context.report({
        range: item.range,
        message: `This provision in Section ${item.section} does not say which outcome it serves. Name the outcome id(s) ${how}.`,
        data: { section: item.section, index: item.index },
      });
    }
  },
};
