import type { Rule } from '../types.js';
import { costingOf, fundingKeyRange, fundingOrFrontMatter } from './shared.js';

export const fundingLevelMissing: Rule = {
  meta: {
    id: 'funding-level-missing',
    category: 'funding',
    sections: ['front-matter'],
    defaultSeverity: 'warning',
    description: 'The front matter declares the plan\'s funding scheme and level (`funding.scheme` and `funding.level`).',
    basis: 'The council\'s funding scheme (contract sections 2 and 8): the level the plan is funded at is recorded beside the plan so that it can be checked against the costed provision. The plan need not state funding in law; this is a local recording rule.',
    fixable: true,
  },
  check({ plan, config, report }) {
    if (plan.meta.fundingLevel) return;
    // Unreadable front matter is front-matter-valid's finding; its keys cannot be judged missing.
    if (!plan.frontMatter || plan.frontMatter.syntaxError) return;
    const schemeField = plan.meta.fundingScheme;
    if (!schemeField) {
      report({
        range: fundingOrFrontMatter(plan),
        message: 'The plan does not declare its funding level. Add a `funding` block to the front matter with `scheme` (a scheme id such as `example-incremental`, or a path to the council\'s scheme file) and `level`, so that the level can be checked against the costed provision.',
      });
      return;
    }
    const outcome = costingOf(plan, config);
    const range = fundingKeyRange(plan) ?? schemeField.keyRange;
    if (outcome.status !== 'costed' || outcome.costing.levelStatus !== 'level') {
      report({ range, message: 'The plan names a funding scheme but does not declare its funding level. Add `level:` under `funding` with the level the plan is funded at.' });
      return;
    }
    const { costing } = outcome;
    const level = costing.level!;
    const uncosted = costing.rows.some((r) => !r.costed && r.section === 'F');
    const text = plan.text;
    let lineEnd = text.indexOf('\n', schemeField.valueRange.end.offset);
    if (lineEnd === -1) lineEnd = text.length;
    const eol = text[lineEnd - 1] === '\r' ? '\r\n' : '\n';
    if (eol === '\r\n') lineEnd -= 1;
    const indent = ' '.repeat(Math.max(0, schemeField.keyRange.start.column - 1));
    const lineStart = text.lastIndexOf('\n', schemeField.keyRange.start.offset - 1) + 1;
    const blockStyle = !/[{}[\]]/.test(text.slice(lineStart, lineEnd)) && /^\s*$/.test(text.slice(lineStart, schemeField.keyRange.start.offset));
    report({
      range,
      message: `The plan does not declare its funding level. Its costed provision maps to ${level.id} under \`${outcome.scheme.id}\`${uncosted ? ', though some Section F rows could not be costed' : ''}. Add \`level: ${level.id}\` under \`funding\` once the costing is agreed.`,
      fix: uncosted || !blockStyle ? undefined : { title: `Declare funding level ${level.id}`, edits: [{ startOffset: lineEnd, endOffset: lineEnd, newText: `${eol}${indent}level: ${level.id}` }] },
      data: { computed: level.id, scheme: outcome.scheme.id },
    });
  },
};
