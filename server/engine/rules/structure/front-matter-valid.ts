import planSchema from '../../../../schemas/plan.schema.json';
import type { Rule } from '../types.js';
import { compileSchema, explainErrors } from '../../schema/explain.js';
import { YamlLocator } from '../../parse/frontmatter.js';
import { LineIndex } from '../../parse/positions.js';
import { fileRange, frontMatterRange } from '../util.js';

const validateFrontMatter = compileSchema(planSchema);

/** YAML syntax errors are found by the parser and reported under this rule's id (see parsePlan). */
export const frontMatterValid: Rule = {
  meta: {
    id: 'front-matter-valid',
    category: 'front-matter',
    sections: ['front-matter'],
    defaultSeverity: 'error',
    description: 'The front matter is valid YAML with the keys and values the plan format allows.',
    basis: 'SEND Regulations 2014 reg 12 and the Code of Practice 9.61 (a plan must be dated, show its status and carry its review date); the EHCP Markdown format, section 2.',
    fixable: false,
  },
  check({ plan, report }) {
    const fm = plan.frontMatter;
    if (!fm) {
      if (plan.planBy === 'file-name') {
        report({ range: fileRange(plan), message: 'This plan has no front matter. Start the file with a `---` block holding at least `ehcp: 1`, `status`, `localAuthority`, `child` and `setting`.' });
      }
      return;
    }
    if (fm.syntaxError || !fm.document) return;
    if (fm.data === null || typeof fm.data !== 'object' || Array.isArray(fm.data)) {
      report({ range: frontMatterRange(plan), message: 'The front matter must be a list of `key: value` lines.' });
      return;
    }
    const locate = new YamlLocator(fm.document, fm.yamlOffset, new LineIndex(plan.text));
    for (const problem of explainErrors(validateFrontMatter, fm.data, planSchema)) {
      const keyPath = problem.path.filter((p): p is string => typeof p === 'string');
      const range =
        problem.on === 'key' ? locate.keyRange(keyPath) : problem.on === 'value' ? locate.valueRange(problem.path) : undefined;
      report({ range: range ?? frontMatterRange(plan), message: problem.message });
    }
  },
};
