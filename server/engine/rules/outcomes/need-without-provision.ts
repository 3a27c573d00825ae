/**
 * need-without-provision: an area of need in Section B with no provision under the same area in Section F.
 * An F sub-heading that holds only "None." still has no provision, so this still fires. When Section F is
 * not grouped by area at all, provision that names one of the need's outcomes (in E) counts.
 * Basis: s37(2) Children and Families Act 2014 and reg 12(1) SEND Regulations 2014 (the plan specifies the
 * special educational provision required by each of the child's needs); R v Secretary of State for
 * Education and Science ex p E [1992] (every identified need must be met by provision in the plan).
 */
import type { Rule } from '../types.js';
import { buildThread } from '../../thread.js';

export const needWithoutProvision: Rule = {
  meta: {
    id: 'need-without-provision',
    category: 'golden-thread',
    sections: ['B', 'F'],
    defaultSeverity: 'error',
    description: 'Every area of need in Section B must be met by provision under the same area in Section F.',
    basis: 's37(2) CFA 2014; reg 12(1) SEND Regulations 2014; R v SoS for Education ex p E [1992]',
    fixable: false,
  },
  check(context) {
    const { plan } = context;
    const sectionsF = plan.sectionsFor('F');
    if (sectionsF.length === 0) return; // a missing Section F is reported once by section-missing
    // When F is not grouped by area at all, provision naming one of the need's outcomes serves the need.
    const fGrouped = sectionsF.some((s) => s.areas.length > 0);
    for (const need of buildThread(plan).needs) {
      if (need.provision.length > 0) continue;
      if (!fGrouped && need.linkedProvision.length > 0) continue;
      const saysNone = need.provisionAreas.length > 0;
      context.report({
        range: need.need.heading.range,
        message:
          `"${need.need.name}" is a need in Section B but Section F ${saysNone ? 'says there is no provision for it' : 'has no provision for it'}. ` +
          'Every need identified in B must be met by specified provision in F: add what will be provided, by whom, how often and for how long, ' +
          'and name the outcome it serves.',
        data: { area: need.key },
      });
    }
  },
};
