import type { Rule } from '../types.js';
import { fileRange } from '../util.js';

// An amendment keeps the plan's current placement, so it must name it too; only a new draft must not.
const FINAL_STATUSES = new Set(['final', 'amended', 'amendment-proposed', 'ceased']);

export const placementMissingInFinal: Rule = {
  meta: {
    id: 'placement-missing-in-final',
    category: 'structure',
    sections: ['I'],
    defaultSeverity: 'error',
    description: 'A final (or amended) plan names the placement in Section I with a `Name:` and a `Type:` line.',
    basis: 'SEND Regulations 2014 reg 12(1)(i): the name and type of the school or institution (or the type only); R(M) v East Sussex CC [2009]: the type should include the phase. For education otherwise than at school, Section I may say so and F carries the package (Derbyshire CC v EM & DM [2019]).',
    fixable: true,
  },
  check({ plan, report }) {
    const status = plan.meta.status?.value;
    if (!status || !FINAL_STATUSES.has(status)) return;
    const section = plan.sectionsFor('I')[0];
    if (!section) {
      report({ range: fileRange(plan), message: 'A final plan must have Section I naming the placement (a `Name:` line and a `Type:` line).' });
      return;
    }
    const placement = plan.placement;
    const eotas = plan.meta.settingType?.value === 'eotas';
    const missing = [!placement?.name && !eotas ? 'the name of the school or setting (`Name:`)' : null, !placement?.type ? 'its type, including the phase (`Type:`)' : null].filter(Boolean);
    if (missing.length === 0) return;
    const eol = plan.text.includes('\r\n') ? '\r\n' : '\n';
    const at = section.heading.range.end.offset;
    const lines = [!placement?.name && !eotas ? 'Name: [name of school or setting]' : null, !placement?.type ? 'Type: [type and phase]' : null].filter(Boolean).join(eol);
    report({
      range: section.heading.range,
      message: `A final plan must name the placement in Section I: add ${missing.join(' and ')}.`,
      fix: { title: 'Add Name and Type lines', edits: [{ startOffset: at, endOffset: at, newText: `${eol}${eol}${lines}` }] },
    });
  },
};
