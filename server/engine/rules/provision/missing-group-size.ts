import type { Fix } from '../../model.js';
import type { Rule } from '../types.js';
import {
  explain,
  fillEmptyCell,
  matchesOf,
  mentionsGroup,
  provisionItems,
  quoteAll,
  rangeAt,
  severityFor,
  statesGroupSize,
  viewOf,
  zoneText,
} from './shared.js';

const ID = 'provision-missing-group-size';

export const provisionMissingGroupSize: Rule = {
  meta: {
    id: ID,
    category: 'provision',
    sections: ['F', 'G', 'H1', 'H2'],
    defaultSeverity: 'error',
    description: 'Group provision says how big the group is or the staff:pupil ratio ("1:4", "a group of no more than 6"), not "small group" or "high ratio".',
    basis: 'SEND Code of Practice 9.69 (provision detailed and specific); Worcestershire CC v SE [2020] UKUT 217 (AAC); L v Clarke and Somerset CC [1998] ELR 129.',
    fixable: true,
  },
  check(context) {
    const { plan } = context;
    for (const item of provisionItems(plan)) {
      const view = viewOf(context, item);
      if (view.nonSession) continue;
      const text = zoneText(view.zones);
      const words = matchesOf(view, 'group-size');
      const mention = words[0] ? null : mentionsGroup(text);
      if (!words[0] && !mention) continue;
      if (statesGroupSize(text)) continue;

      const first = words[0];
      let fix: Fix | undefined;
      if (first?.entry.stub !== undefined) {
        fix = { title: `Replace "${first.text.trim()}" with a placeholder to fill in`, edits: [{ startOffset: first.start, endOffset: first.end, newText: first.entry.stub }] };
      } else {
        fix = fillEmptyCell(view, 'ratio', '[staff:pupils]', 'Fill the Ratio cell with a placeholder');
      }
      let range;
      if (first) range = rangeAt(plan, first.start, first.end);
      else {
        // the mention's offset within the joined zone text → back to the source
        let offset = mention!.index;
        let start = view.zones[0]?.start ?? item.range.start.offset;
        for (const zone of view.zones) {
          if (offset <= zone.text.length) {
            start = zone.start + offset;
            break;
          }
          offset -= zone.text.length + 3;
        }
        range = rangeAt(plan, start, start + mention![0].length);
      }
      const message = first
        ? `Section ${item.section} group provision does not say how big the group is: ${quoteAll(words)}. ${explain(plan, words, 1)}`
        : `Section ${item.section} provision is group work ("${mention![0]}") but does not say how many pupils are in the group or the staff:pupil ratio. State it, e.g. "1:4" or "a group of no more than [number] pupils".`;
      context.report({ range, severity: severityFor(context, ID, item, 'setting'), message, ...(fix ? { fix } : {}) });
    }
  },
};
