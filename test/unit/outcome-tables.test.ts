/** Outcomes written as a table in Section E (an id column, or the id at the start of the Outcome cell). */
import assert from 'node:assert/strict';
import { parsePlan } from '../../server/engine/index.js';

const SECTION_E = [
  '# Section E: Outcomes',
  '',
  '### Cognition and learning',
  '',
  '| ID | Outcome | By when |',
  '|---|---|---|',
  '| E1 | By July 2027, Sam will read 50 words with 90% accuracy. | July 2027 |',
  '| E2 | Sam will take part in a work taster day (PfA: Employment) | 2028 |',
  '',
  '| Outcome |',
  '|---|',
  '| **E3** By the end of Year 6, Sam will count to 20. |',
  '| A note that is not an outcome |',
  '',
].join('\n');

describe('outcomes in a Section E table', () => {
  const plan = parsePlan(SECTION_E);

  it('reads each row with an id as an outcome, with its area and PfA tag', () => {
    assert.deepEqual(
      plan.outcomes.map((o) => [o.id, o.area?.id, o.pfa?.pathway ?? null]),
      [
        ['E1', 'cognition-and-learning', null],
        ['E2', 'cognition-and-learning', 'Employment'],
        ['E3', 'cognition-and-learning', null],
      ],
    );
  });

  it('keeps the outcome text apart from the id and places the id exactly', () => {
    const e1 = plan.outcomes[0]!;
    assert.equal(e1.text, 'By July 2027, Sam will read 50 words with 90% accuracy.');
    assert.deepEqual([e1.idRange.start.line, e1.idRange.start.column], [7, 3]);
    const e3 = plan.outcomes[2]!;
    assert.equal(e3.text, 'By the end of Year 6, Sam will count to 20.');
    assert.equal(SECTION_E.slice(e3.idRange.start.offset, e3.idRange.end.offset), 'E3');
  });
});
