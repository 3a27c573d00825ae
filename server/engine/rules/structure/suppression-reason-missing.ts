import type { Rule } from '../types.js';

export const suppressionReasonMissing: Rule = {
  meta: {
    id: 'suppression-reason-missing',
    category: 'suppression',
    sections: [],
    defaultSeverity: 'warning',
    description: 'Every comment that switches a check off gives its reason after `--`.',
    basis: 'Audit practice: a QA auditor must be able to see why a finding was accepted; every suppression is listed in audit reports with its reason.',
    fixable: true,
  },
  check({ plan, report }) {
    for (const s of plan.suppressions) {
      if (s.kind === 'enable' || s.reason !== null) continue;
      const closeAt = plan.text.lastIndexOf('-->', s.range.end.offset);
      report({
        range: s.range,
        message: 'This comment switches a check off without saying why. Add the reason after `--`, e.g. `<!-- ehcp-disable-next-line provision-hedge -- wording agreed at tribunal -->`.',
        fix: closeAt >= 0 ? { title: 'Add a reason placeholder', edits: [{ startOffset: closeAt, endOffset: closeAt, newText: '-- [reason] ' }] } : undefined,
      });
    }
  },
};
