/** The accuracy bar of the quality rules: precision and recall of at least 0.9 overall on the labelled corpus. */
import assert from 'node:assert/strict';
import { scoreCorpus, scoreTable } from '../support/score.js';

describe('labelled corpus accuracy', () => {
  const score = scoreCorpus();

  it('has at least 25 plans, 8 of them clean', () => {
    assert.ok(score.plans >= 25, `only ${score.plans} plans`);
    assert.ok(score.cleanPlans >= 8, `only ${score.cleanPlans} clean plans`);
  });

  it('reaches 0.9 precision and 0.9 recall overall', () => {
    console.log(`\n${scoreTable(score)}\n`);
    const { precision, recall } = score.overall;
    assert.ok(precision >= 0.9 && recall >= 0.9, `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n${score.disagreements.join('\n')}`);
  });
});
