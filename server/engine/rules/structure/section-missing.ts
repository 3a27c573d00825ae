import { SECTION_LETTERS } from '../../model.js';
import type { Fix, Plan, SectionLetter } from '../../model.js';
import type { Rule } from '../types.js';
import { fileRange } from '../util.js';
import { SECTION_TITLES, NONE_TEXT } from './titles.js';

export const sectionMissing: Rule = {
  meta: {
    id: 'section-missing',
    category: 'structure',
    sections: [...SECTION_LETTERS],
    defaultSeverity: 'error',
    description: 'Every statutory section A to K (with H1 and H2) is present.',
    basis: 'SEND Regulations 2014 reg 12(1): the plan must set out each section, separately identified; Code of Practice 9.62.',
    fixable: true,
  },
  check({ plan, report }) {
    for (const letter of SECTION_LETTERS) {
      if (plan.sectionsFor(letter).length > 0) continue;
      if ((letter === 'H1' || letter === 'H2') && plan.sectionsFor('H').length > 0) continue; // reported by section-h-not-split
      report({
        range: fileRange(plan),
        message: `Section ${letter} (${SECTION_TITLES[letter]}) is missing. Every plan must have it, separately labelled${NONE_TEXT[letter] ? ', even if only to say there is none' : ''}.`,
        fix: insertSectionFix(plan, letter),
        data: { section: letter },
      });
    }
  },
};

/** Inserts the missing section's heading (and an explicit none or a placeholder) before the next section present. */
export function insertSectionFix(plan: Plan, letter: SectionLetter): Fix {
  const order = SECTION_LETTERS.indexOf(letter);
  const next = plan.sections.find((s) => s.letter !== 'H' && SECTION_LETTERS.indexOf(s.letter) > order);
  const style = plan.sections[0]?.heading;
  const hashes = '#'.repeat(style?.depth ?? 2);
  const eol = plan.text.includes('\r\n') ? '\r\n' : '\n';
  const body = NONE_TEXT[letter] ?? `[${SECTION_TITLES[letter].toLowerCase()} to be written]`;
  const block = `${hashes} Section ${letter}: ${SECTION_TITLES[letter]}${eol}${eol}${body}${eol}${eol}`;
  if (next) {
    const at = next.heading.range.start.offset;
    return { title: `Insert Section ${letter}`, edits: [{ startOffset: at, endOffset: at, newText: block }] };
  }
  const end = plan.text.length;
  const lead = plan.text.endsWith('\n') ? eol : `${eol}${eol}`;
  return { title: `Insert Section ${letter}`, edits: [{ startOffset: end, endOffset: end, newText: `${lead}${block.trimEnd()}${eol}` }] };
}
