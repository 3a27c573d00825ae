import type { Fix } from '../../model.js';
import type { LexiconMatch } from '../../lexicon/index.js';
import { lexiconRule } from './lexicon-rule.js';
import { matchCase, type ItemView } from './shared.js';

/** "should receive" → "will receive": offered only when every hedge in the item is a one-word modal. */
function hedgeFix(_view: ItemView, matches: LexiconMatch[]): Fix | undefined {
  if (matches.length === 0 || matches.some((m) => m.entry.fix === undefined)) return undefined;
  const words = [...new Set(matches.map((m) => `"${m.text.trim()}"`))].join(', ');
  return {
    title: `Replace ${words} with "will"`,
    edits: matches.map((m) => ({ startOffset: m.start, endOffset: m.end, newText: matchCase(m.text, m.entry.fix ?? 'will') })),
  };
}

export const provisionHedge = lexiconRule({
  meta: {
    id: 'provision-hedge',
    category: 'provision',
    sections: ['F', 'G', 'H1', 'H2'],
    defaultSeverity: 'error',
    description: 'Provision says what will happen, not what should, may, could or would happen ("should", "may", "would benefit from", "it is recommended").',
    basis: 'L v Clarke and Somerset CC [1998] ELR 129 (the plan must leave no room for doubt about what has been decided); SEND Code of Practice 9.69.',
    fixable: true,
  },
  categories: ['hedge'],
  policy: 'setting',
  headline: (phrases, item) => `Section ${item.section} provision is written as advice, not as a commitment: ${phrases}.`,
  fix: hedgeFix,
});
