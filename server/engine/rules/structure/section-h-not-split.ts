import type { Rule } from '../types.js';

export const sectionHNotSplit: Rule = {
  meta: {
    id: 'section-h-not-split',
    category: 'structure',
    sections: ['H1', 'H2'],
    defaultSeverity: 'error',
    description: 'Social care provision is split into H1 (Chronically Sick and Disabled Persons Act 1970) and H2 (other), not one Section H.',
    basis: 'SEND Regulations 2014 reg 12(1)(h) names H1 and H2 separately; provision under s2 CSDPA 1970 carries different duties from other social care provision.',
    fixable: true,
  },
  check({ plan, report }) {
    for (const section of plan.sectionsFor('H')) {
      const eol = plan.text.includes('\r\n') ? '\r\n' : '\n';
      const hashes = '#'.repeat(section.heading.depth);
      const start = section.heading.range.start.offset;
      const end = section.heading.range.end.offset;
      report({
        range: section.heading.range,
        message:
          'Section H must be split into H1 (social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970) and H2 (any other social care provision). Move each item under the right heading, with an explicit "none" where a part has nothing.',
        fix: {
          title: 'Split into Sections H1 and H2',
          edits: [
            {
              startOffset: start,
              endOffset: end,
              newText: `${hashes} Section H1: Social care provision under the Chronically Sick and Disabled Persons Act 1970${eol}${eol}[H1 provision, or state that none is required]${eol}${eol}${hashes} Section H2: Other social care provision`,
            },
          ],
        },
      });
    }
  },
};
