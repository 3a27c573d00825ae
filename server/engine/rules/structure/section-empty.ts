import { SECTION_LETTERS } from '../../model.js';
import type { Rule } from '../types.js';
import { NONE_TEXT } from './titles.js';

export const sectionEmpty: Rule = {
  meta: {
    id: 'section-empty',
    category: 'structure',
    sections: [...SECTION_LETTERS],
    defaultSeverity: 'error',
    description: 'No section is left empty: C, D, G, H1, H2 and J say explicitly when there is nothing to record.',
    basis: 'SEND Regulations 2014 reg 12(1) (every section must be set out); QA checklists and the DfE template: state clearly when there are no needs or no provision, so a blank cannot be read as an omission.',
    fixable: true,
  },
  check({ plan, report }) {
    for (const section of plan.sections) {
      if (!section.empty || section.letter === 'H') continue;
      const letter = section.letter;
      if (letter === 'I' && plan.meta.status?.value !== 'final' && plan.meta.status?.value !== 'amended') continue; // a draft leaves I empty
      const none = NONE_TEXT[letter];
      const eol = plan.text.includes('\r\n') ? '\r\n' : '\n';
      const at = section.heading.range.end.offset;
      report({
        range: section.heading.range,
        message: none
          ? `Section ${letter} is empty. Say what is needed, or state explicitly that there is none, e.g. "${none}"`
          : `Section ${letter} is empty. It must set out its content; it cannot be left blank.`,
        fix: none ? { title: `State that Section ${letter} has none`, edits: [{ startOffset: at, endOffset: at, newText: `${eol}${eol}${none}` }] } : undefined,
      });
    }
  },
};
