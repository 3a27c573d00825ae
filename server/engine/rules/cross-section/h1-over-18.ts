import type { Rule } from '../types.js';
import { sectionSource } from '../util.js';
import { hasContent } from './health-needs-without-provision.js';


function ageOn(dateOfBirth: Date, day: Date): number {
  const age = day.getUTCFullYear() - dateOfBirth.getUTCFullYear();
  const before = day.getUTCMonth() < dateOfBirth.getUTCMonth() || (day.getUTCMonth() === dateOfBirth.getUTCMonth() && day.getUTCDate() < dateOfBirth.getUTCDate());
  return before ? age - 1 : age;
}

export const h1Over18: Rule = {
  meta: {
    id: 'h1-over-18',
    category: 'structure',
    sections: ['H1'],
    defaultSeverity: 'error',
    description: 'Section H1 (Chronically Sick and Disabled Persons Act 1970) holds no provision for a young person aged 18 or over; adult social care goes in H2.',
    basis: 'SEND Regulations 2014 reg 12(1)(h): H1 is provision under s2 of the Chronically Sick and Disabled Persons Act 1970, which applies to disabled children; for a young person of 18 or over, social care under the Care Act 2014 belongs in H2 (Code of Practice 9.69).',
    fixable: false,
  },
  check({ plan, asOf, report }) {
    const h1 = plan.sectionsFor('H1')[0];
    const dob = plan.meta.dateOfBirth?.date;
    if (!h1 || !hasContent(h1) || !dob) return;
    // H1 that only explains why it no longer applies holds no provision.
    const items = plan.provision.filter((p) => p.section === 'H1').length;
    const text = sectionSource(plan, h1);
    if (items === 0 && /no longer appl|does not apply|doesn't apply|not apply|not applicable|(?:in|see) (?:section )?H2\b/i.test(text)) return;
    const age = ageOn(dob, asOf);
    if (age < 18) return;
    report({
      range: h1.heading.range,
      message: `The young person is ${age}, so social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970 (Section H1) no longer applies. Move this provision to Section H2 (adult social care under the Care Act 2014) and state that H1 has none.`,
    });
  },
};
