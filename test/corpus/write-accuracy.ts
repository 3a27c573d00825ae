/** Writes docs/accuracy.md from the current corpus score (`npm run accuracy`). */
import fs from 'node:fs';
import { CORPUS_AS_OF, scoreCorpus, scoreTable } from '../support/score.js';

const score = scoreCorpus();
const doc = `# Accuracy on the labelled corpus

The quality rules are measured against \`test/corpus/\`: ${score.plans} fictional plans written by hand in the
styles the format allows (tables and prose bullets, every heading form, ages from early years to 25,
every setting type), ${score.cleanPlans} of them clean and the rest with each defect marked inline where a careful
QA auditor would flag it. The plans are linted as of ${CORPUS_AS_OF} with every rule switched on; a finding
counts as a true positive when it matches a marker of the same rule on the same line.

\`npm test\` fails when overall precision or recall falls below 0.9. Regenerate this page with
\`npm run accuracy\`.

${scoreTable(score)}

Hard negatives in the corpus (wording that looks like a defect and is not one) include "regular classroom",
access arrangements given in full ("25% extra time and a separate room in all exams"), "should" in the
parents' views in Section A, "by May 2027" as a deadline, and a "support" row that is fully specified.
`;
// Keep the hand-recorded synthetic-caseload section (measured with test/bench/synthetic-accuracy.mjs).
const previous = fs.existsSync('docs/accuracy.md') ? fs.readFileSync('docs/accuracy.md', 'utf8') : '';
const marker = '<!-- synthetic caseloads -->';
const kept = previous.includes(marker) ? `\n${previous.slice(previous.indexOf(marker))}` : '';
fs.writeFileSync('docs/accuracy.md', `${doc}${kept}`);
console.log(scoreTable(score));
