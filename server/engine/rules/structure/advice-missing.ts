import type { AdviceKind } from '../../model.js';
import type { Rule } from '../types.js';
import { sectionOrFile } from '../util.js';

const REQUIRED: [AdviceKind, string][] = [
  ['parent', "the parents' (or young person's) advice and views"],
  ['educational', 'educational advice'],
  ['medical', 'medical advice'],
  ['psychological', "an educational psychologist's advice"],
  ['social-care', 'social care advice'],
];

export const adviceMissing: Rule = {
  meta: {
    id: 'advice-missing',
    category: 'structure',
    sections: ['K'],
    defaultSeverity: 'error',
    description: "Section K lists the advice the law requires: parents' or young person's, educational, medical, psychological (educational psychologist) and social care advice, and preparing-for-adulthood advice from Year 9.",
    basis: 'SEND Regulations 2014 reg 6(1)(a)-(e) and (g) (advice the council must seek) and the Code of Practice 9.62 (advice gathered is listed in Section K); reg 6(4) allows existing advice to be reused, which is still listed.',
    fixable: true,
  },
  check({ plan, report }) {
    const section = plan.sectionsFor('K')[0];
    if (!section || section.empty) return; // section-missing / section-empty report these
    const present = new Set(plan.advice.flatMap((row) => row.kinds));
    const required = [...REQUIRED];
    const year = plan.meta.yearGroup?.value;
    if (year !== undefined && year >= 9) required.push(['preparing-for-adulthood', 'advice on preparing for adulthood and independent living (Year 9 and above)']);
    const missing = required.filter(([kind]) => !present.has(kind));
    if (missing.length === 0) return;
    const table = section.blocks.find((b) => b.type === 'table');
    const eol = plan.text.includes('\r\n') ? '\r\n' : '\n';
    const fixRows = missing.map(([, label]) => `| ${capitalise(label)} | [who gave it] | [YYYY-MM-DD] |`).join(eol);
    const at = table?.position?.end.offset;
    report({
      range: sectionOrFile(plan, 'K'),
      message: `Section K does not list ${listJoin(missing.map(([, label]) => label))}. Add a row for each (what, from whom, the date received), or explain why it was not sought.`,
      fix: at !== undefined ? { title: 'Add rows for the missing advice', edits: [{ startOffset: at, endOffset: at, newText: `${eol}${fixRows}` }] } : undefined,
    });
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function listJoin(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
