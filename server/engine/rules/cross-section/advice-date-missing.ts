import type { Rule } from '../types.js';

/** A date in any common form: 2026-03-15, 15/03/2026, 15.3.26, 15 March 2026, March 2026. */
const DATE = /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:\d{1,2}(?:st|nd|rd|th)? )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}\b/i;

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
      if (row.date && DATE.test(row.date.text)) continue;
      if (!row.date && DATE.test(row.advice.text)) continue;
      const cell = row.date;
      report({
        range: row.range,
        message: `The advice "${row.advice.text.slice(0, 60)}" has no date. Add the date it was given or received (YYYY-MM-DD).`,
        fix: cell && cell.text === '' ? { title: 'Add a date placeholder', edits: [{ startOffset: cell.range.start.offset, endOffset: cell.range.end.offset, newText: '[YYYY-MM-DD]' }] } : undefined,
      });
    }
  },
};
