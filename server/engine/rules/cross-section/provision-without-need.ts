import type { Area } from '../../model.js';
import type { Rule } from '../types.js';
import { areaKey, needAreas } from '../../thread.js';

export const provisionWithoutNeed: Rule = {
  meta: {
    id: 'provision-without-need',
    category: 'golden-thread',
    sections: ['B', 'E', 'F'],
    defaultSeverity: 'error',
    description: 'Every area of need that has outcomes in Section E or provision in Section F is set out as a need in Section B.',
    basis: 'R v Secretary of State for Education ex p E [1992]: every need the assessment identifies must be specified in the needs section, and provision meets needs that are specified; Code of Practice 9.69 (F must meet each need in B).',
    fixable: false,
  },
  check({ plan, report }) {
    if (plan.sectionsFor('B').length === 0) return; // section-missing reports that
    const needs = new Set(needAreas(plan).map(areaKey));
    const reported = new Set<string>();
    const check = (area: Area, where: string): void => {
      const key = areaKey(area);
      if (needs.has(key) || reported.has(key)) return;
      reported.add(key);
      report({
        range: area.heading.range,
        message: `Section ${where} has "${area.name}", but Section B sets out no need under that area. Describe the need in Section B under the same area heading, or move this ${where === 'F' ? 'provision' : 'outcome'} to the area of need it meets.`,
      });
    };
    // Recognised areas only: other sub-headings in F ("Across all areas", "Whole-school arrangements") are not needs.
    for (const letter of ['F', 'E'] as const) {
      for (const section of plan.sectionsFor(letter)) for (const area of section.areas) if (area.id !== null) check(area, letter);
    }
  },
};
