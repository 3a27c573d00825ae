import type { Rule } from '../types.js';
import { sectionSource } from '../util.js';
import { hasContent, saysNone } from './health-needs-without-provision.js';

const MENTIONS_BUDGET = /\b(personal budget|direct payments?|notional budget)\b|£\s?\d/i;
const NEGATED = /\b(no|not|none|never|declined|refused|without)\b|n't\b/i;

/** True when some sentence of J sets out a budget or payment (not "no personal budget has been requested"). */
function describesBudget(text: string): boolean {
  return text.split(/(?<=[.!?])\s+/).some((sentence) => MENTIONS_BUDGET.test(sentence) && !NEGATED.test(sentence));
}

export const personalBudgetInconsistent: Rule = {
  meta: {
    id: 'personal-budget-inconsistent',
    category: 'structure',
    sections: ['J', 'front-matter'],
    defaultSeverity: 'warning',
    description: 'Section J agrees with the front matter: a personal budget is described in J exactly when `personalBudget` is true.',
    basis: 'SEND Regulations 2014 reg 12(1)(j); Children and Families Act 2014 s49 and the SEN (Personal Budgets) Regulations 2014; Code of Practice 9.95-9.124: J sets out any personal budget, the provision and outcomes it covers and the direct-payment arrangements.',
    fixable: false,
  },
  check({ plan, report }) {
    const j = plan.sectionsFor('J')[0];
    const flag = plan.meta.personalBudget;
    if (!j || !flag) return;
    const text = sectionSource(plan, j);
    if (flag.value === false && hasContent(j) && describesBudget(text)) {
      report({
        range: flag.valueRange,
        message: '`personalBudget` is false, but Section J describes a personal budget or direct payment. Set `personalBudget: true`, or correct Section J.',
      });
    } else if (flag.value === true && (j.empty || (saysNone(j) && !describesBudget(text)))) {
      report({
        range: flag.valueRange,
        message: '`personalBudget` is true, but Section J says there is none. Set out the budget in J (the provision and outcomes it covers and how direct payments are made), or set `personalBudget: false`.',
      });
    }
  },
};
