import type { Range } from '../../model.js';
import type { Rule } from '../types.js';
import { YamlLocator } from '../../parse/frontmatter.js';
import { LineIndex } from '../../parse/positions.js';
import { frontMatterRange } from '../util.js';

/** Statuses of a plan that has been issued, and so must carry its next review date. */
const ISSUED = new Set(['final', 'amended', 'amendment-proposed']);

export const frontMatterIncomplete: Rule = {
  meta: {
    id: 'front-matter-incomplete',
    category: 'front-matter',
    sections: ['front-matter'],
    defaultSeverity: 'warning',
    description: "The front matter records the child's date of birth and year group, and an issued plan its next review date.",
    basis: 'Code of Practice 9.61 (a plan must show the date it was issued and when it will be reviewed) and 9.166 (reviews at least every 12 months); the date of birth and year group decide the Year 9 preparing-for-adulthood duties (reg 12(3)) and the under-5 review guidance (CoP 9.178). QA checklists and the DfE template record them.',
    fixable: false,
  },
  check({ plan, report }) {
    const fm = plan.frontMatter;
    if (!fm?.document || fm.syntaxError || typeof fm.data !== 'object' || fm.data === null) return;
    const data = fm.data as { child?: Record<string, unknown>; dates?: Record<string, unknown>; status?: unknown };
    const locate = new YamlLocator(fm.document, fm.yamlOffset, new LineIndex(plan.text));
    const at = (path: string[]): Range => locate.keyRange(path) ?? frontMatterRange(plan);
    if (data.child && typeof data.child === 'object') {
      if (data.child.dateOfBirth === undefined) {
        report({ range: at(['child']), message: "The front matter does not give the child's date of birth. Add `dateOfBirth: YYYY-MM-DD` under `child`: it decides the age-related duties (preparing for adulthood from Year 9, review frequency for under-5s)." });
      }
      if (data.child.yearGroup === undefined) {
        report({ range: at(['child']), message: 'The front matter does not give the year group. Add `yearGroup:` under `child` (-2 to 14; 0 is Reception): it decides the preparing-for-adulthood duties from Year 9 and the phase-transfer deadlines.' });
      }
    }
    const status = typeof data.status === 'string' ? data.status : '';
    const dates = data.dates && typeof data.dates === 'object' ? data.dates : null;
    if (ISSUED.has(status) && (!dates || dates.nextReview === undefined)) {
      report({
        range: dates ? at(['dates']) : at(['status']),
        message: 'This plan has been issued but does not record its next review date. Add `nextReview: YYYY-MM-DD` under `dates`: a plan must be reviewed at least every 12 months.',
      });
    }
  },
};
