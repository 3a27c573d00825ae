import type { Rule } from '../types.js';
import { bareNone, setsOutNeeds } from './health-needs-without-provision.js';

export const socialCareNeedsWithoutProvision: Rule = {
  meta: {
    id: 'social-care-needs-without-provision',
    category: 'golden-thread',
    sections: ['D', 'H1', 'H2'],
    defaultSeverity: 'warning',
    description: 'When Section D sets out social care needs, Sections H1 and H2 do not both say there is no social care provision.',
    basis: 'SEND Regulations 2014 reg 12(1)(h): the plan specifies social care provision that must be made under s2 CSDPA 1970 (H1) and other provision reasonably required (H2); the golden thread from D to H (QA checklists).',
    fixable: false,
  },
  check({ plan, report }) {
    const d = plan.sectionsFor('D')[0];
    const h1 = plan.sectionsFor('H1')[0];
    const h2 = plan.sectionsFor('H2')[0];
    if (!setsOutNeeds(plan, d) || !bareNone(plan, h1) || !bareNone(plan, h2)) return;
    report({
      range: h1!.heading.range,
      message: 'Section D sets out social care needs, but Sections H1 and H2 both say no social care provision is needed. Specify the provision those needs require (service, amount, provider), or explain why none is required.',
    });
  },
};
