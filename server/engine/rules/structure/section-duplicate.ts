import { SECTION_LETTERS } from '../../model.js';
import type { Rule } from '../types.js';

export const sectionDuplicate: Rule = {
  meta: {
    id: 'section-duplicate',
    category: 'structure',
    sections: [...SECTION_LETTERS],
    defaultSeverity: 'error',
    description: 'Each section letter appears only once.',
    basis: 'SEND Regulations 2014 reg 12(1): each section must be separately identified, so a reader knows which text is the legal content of which section.',
    fixable: false,
  },
  check({ plan, report }) {
    for (const letter of [...SECTION_LETTERS, 'H' as const]) {
      const [first, ...repeats] = plan.sectionsFor(letter);
      for (const repeat of repeats) {
        report({
          range: repeat.heading.range,
          message: `Section ${letter} appears again here (first at line ${first!.heading.range.start.line}). Merge the two into one Section ${letter}, or correct this heading's letter.`,
        });
      }
    }
  },
};
