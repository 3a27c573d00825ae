import type { Rule } from '../types.js';

export const areaOfNeedUnrecognised: Rule = {
  meta: {
    id: 'area-of-need-unrecognised',
    category: 'structure',
    sections: ['B'],
    defaultSeverity: 'warning',
    description: "Needs in Section B are grouped under sub-headings naming the recognised areas of need, or a council's own configured areas.",
    basis: 'SEND Code of Practice 6.28-6.35 (the four broad areas of need) and the DfE template, which groups needs, outcomes and provision by area so the golden thread can be followed.',
    fixable: false,
  },
  check({ plan, config, report }) {
    for (const section of plan.sectionsFor('B')) {
      if (!section.empty && section.areas.length === 0) {
        report({
          range: section.heading.range,
          message: 'Section B does not group the needs under areas of need. Add a sub-heading for each area (e.g. "### Communication and interaction") and put each need under its area, so outcomes and provision can follow the same areas.',
        });
      }
      {
        for (const area of section.areas) {
          if (area.id !== null) continue;
          const local = config.areasOfNeed.length ? ` or one of your council's areas (${config.areasOfNeed.join(', ')})` : '';
          report({
            range: area.heading.range,
            message: `"${area.name}" is not a recognised area of need. Use one of Communication and interaction; Cognition and learning; Social, emotional and mental health; Sensory and/or physical; Preparing for adulthood${local}, so needs, outcomes and provision line up.`,
          });
        }
      }
    }
  },
};
