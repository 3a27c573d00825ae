import type { Rule } from '../types.js';
import { costingOf, SECTION_NAMES, severityFor } from './shared.js';

export const costUncostedRow: Rule = {
  meta: {
    id: 'cost-uncosted-row',
    category: 'funding',
    sections: ['F'],
    defaultSeverity: 'warning',
    description: 'Every item of special educational provision (Section F) can be costed: who delivers it matches a rate of the funding scheme, or the row has a Cost cell.',
    basis: 'The funding scheme the plan names (contract section 8); DfE high needs operational guidance: the top-up pays for the costed provision above the school contribution. A row that cannot be costed adds nothing, so the level can be set too low.',
    fixable: false,
  },
  check({ plan, config, severity, report }) {
    const outcome = costingOf(plan, config);
    if (outcome.status !== 'costed') return;
    const { costing, scheme } = outcome;
    const roles = scheme.rates.map((r) => r.label.toLowerCase()).join(', ');
    for (const row of costing.rows) {
      // Only Section F sets the funding level. G and H rows are costed for their payers when a rate covers
      // them; the council's rate card rarely prices NHS or social-care staff, so an uncosted G or H row is
      // shown in the cost report (ehcp cost) rather than reported as a finding.
      if (row.section !== 'F') continue;
      const kind = row.problem?.kind;
      if (kind !== 'no-rate' && kind !== 'no-who' && kind !== 'rate-tie') continue;
      const where = `${SECTION_NAMES[row.section]} row ${row.index}${row.area ? ` (${row.area})` : ''}`;
      const put =
        kind === 'rate-tie'
          ? 'Name one role per row (split the row if two roles deliver it), or add a Cost cell with the amount.'
          : `Name the role as the scheme's rate card does (${roles}), or add a Cost cell with the annual or one-off amount (for example "£450 one-off").`;
      report({
        range: row.range,
        severity: severityFor(row.section, severity, 'warning'),
        message: `${where} cannot be costed: ${row.problem!.reason}. It adds nothing to the costed total${row.section === 'F' ? ', so the funding level may be set too low' : ''}. ${put}`,
        data: { section: row.section, index: row.index, scheme: scheme.id, problem: kind },
      });
    }
  },
};
