import type { Rule } from '../types.js';

export const adviceDateMissing: Rule = {
  meta: {
    id: 'advice-date-missing',
    category: 'structure',
    sections: ['K'],
    defaultSeverity: 'warning',
    description: 'Each piece of advice listed in Section K has the date it was given (or received).',
    basis: 'Code of Practice 9.62 (the advice and information gathered is listed in Section K) and the DfE template, which records the date of each piece of advice; dates show whether advice is recent enough to rely on (reg 6(4)).',
    fixable: true,
  },
  check({ plan, report }) {
    for (const row of plan.advice) {
      if (row.date && /\d/.test(row.date.text)) continue;
      if (!row.date && row.from === null && /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2} \w+ \d{4}\b/.test(row.advice.text)) continue;
      const cell = row.date;
      report({
        range: row.range,
        message: `The advice "${row.advice.text.slice(0, 60)}" has no date. Add the date it was given or received (YYYY-MM-DD).`,
        fix: cell && cell.text === '' ? { title: 'Add a date placeholder', edits: [{ startOffset: cell.range.start.offset, endOffset: cell.range.end.offset, newText: '[YYYY-MM-DD]' }] } : undefined,
      });
    }
  },
};
