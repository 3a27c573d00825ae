import { strict as assert } from 'node:assert';
import { readCostCell, readQuantities, readQuantityText, type QuantityBasis } from '../../server/engine/costing/quantities.js';
import { toDisplay } from '../../server/engine/costing/rational.js';

/** [phrase, basis, minutes (a week / a year / in total), ratio "s:p" (with ? when assumed), weeks or null] */
type Accept = [string, QuantityBasis, string, string, number | null];

const ACCEPT: Accept[] = [
  ['3 x 30 mins per week', 'weekly', '90', '1:1?', null],
  ['3 x 30 minutes weekly', 'weekly', '90', '1:1?', null],
  ['3x30 mins a week', 'weekly', '90', '1:1?', null],
  ['2 x 1 hour sessions weekly', 'weekly', '120', '1:1?', null],
  ['30 mins x 3 per week', 'weekly', '90', '1:1?', null],
  ['three times a week for 20 minutes', 'weekly', '60', '1:1?', null],
  ['three 20-minute sessions a week', 'weekly', '60', '1:1?', null],
  ['3 sessions of 30 minutes per week', 'weekly', '90', '1:1?', null],
  ['daily for 15 minutes', 'weekly', '75', '1:1?', null],
  ['15 minutes daily', 'weekly', '75', '1:1?', null],
  ['15 minutes every day', 'weekly', '75', '1:1?', null],
  ['10 minutes each morning', 'weekly', '50', '1:1?', null],
  ['10 minutes every morning', 'weekly', '50', '1:1?', null],
  ['20 minutes every lunchtime', 'weekly', '100', '1:1?', null],
  ['15 minutes each school day', 'weekly', '75', '1:1?', null],
  ['30 minutes, Monday to Friday', 'weekly', '150', '1:1?', null],
  ['15 minutes twice daily', 'weekly', '150', '1:1?', null],
  ['5 minutes 3 times a day', 'weekly', '75', '1:1?', null],
  ['2 hours a week', 'weekly', '120', '1:1?', null],
  ['2 hours per week', 'weekly', '120', '1:1?', null],
  ['25 hours per week', 'weekly', '1500', '1:1?', null],
  ['32.5 hours a week', 'weekly', '1950', '1:1?', null],
  ['1.5 hours weekly', 'weekly', '90', '1:1?', null],
  ['1 hour per day', 'weekly', '300', '1:1?', null],
  ['1 hour a day, 3 days a week', 'weekly', '180', '1:1?', null],
  ['4 mornings a week, 45 minutes', 'weekly', '180', '1:1?', null],
  ['once a fortnight for 1 hour', 'weekly', '30', '1:1?', null],
  ['fortnightly, 45 minutes', 'weekly', '22.5', '1:1?', null],
  ['every 2 weeks, 1 hour', 'weekly', '30', '1:1?', null],
  ['every other week for 30 minutes', 'weekly', '15', '1:1?', null],
  ['every 3 weeks, 90 minutes', 'weekly', '30', '1:1?', null],
  ['termly, 1 hour', 'yearly', '360', '1:1?', null],
  ['once a term for 2 hours', 'yearly', '720', '1:1?', null],
  ['twice a term, 1 hour', 'yearly', '720', '1:1?', null],
  ['half-termly review, 30 minutes', 'yearly', '180', '1:1?', null],
  ['6 hours a term', 'yearly', '2160', '1:1?', null],
  ['annually, 3 hours', 'yearly', '180', '1:1?', null],
  ['once a year, 2 hours', 'yearly', '120', '1:1?', null],
  ['3 times a year for 1 hour', 'yearly', '180', '1:1?', null],
  ['10 hours a year', 'yearly', '600', '1:1?', null],
  ['45 min weekly', 'weekly', '45', '1:1?', null],
  ['weekly 45 mins', 'weekly', '45', '1:1?', null],
  ['an hour a week', 'weekly', '60', '1:1?', null],
  ['half an hour daily', 'weekly', '150', '1:1?', null],
  ['an hour and a half weekly', 'weekly', '90', '1:1?', null],
  ['1 hour 30 minutes weekly', 'weekly', '90', '1:1?', null],
  ['1hr 15 mins weekly', 'weekly', '75', '1:1?', null],
  ['90 mins each week', 'weekly', '90', '1:1?', null],
  ['one hour, once a week', 'weekly', '60', '1:1?', null],
  ['a quarter of an hour daily', 'weekly', '75', '1:1?', null],
  ['1½ hours weekly', 'weekly', '90', '1:1?', null],
  ['1:1, 30 minutes, 3 times a week', 'weekly', '90', '1:1', null],
  ['1:4, weekly, 1 hour', 'weekly', '60', '1:4', null],
  ['2:1, 25 hours per week', 'weekly', '1500', '2:1', null],
  ['1-to-1 for 20 minutes daily', 'weekly', '100', '1:1', null],
  ['one-to-one, 20 minutes daily', 'weekly', '100', '1:1', null],
  ['in a group of 4, twice a week, 30 minutes', 'weekly', '60', '1:4', null],
  ['small group of 6 for 45 minutes weekly', 'weekly', '45', '1:6', null],
  ['weekly 1 hour in pairs', 'weekly', '60', '1:2', null],
  ['individually for 30 minutes daily', 'weekly', '150', '1:1', null],
  ['group size 4, weekly 1 hour', 'weekly', '60', '1:4', null],
  ['weekly for 39 weeks, 1 hour', 'weekly', '60', '1:1?', 39],
  ['1 hour a week, 52 weeks a year', 'weekly', '60', '1:1?', 52],
  ['30 minutes daily, all year round', 'weekly', '150', '1:1?', 52],
  ['2 hours a week for 6 weeks', 'weekly', '120', '1:1?', 6],
  ['one-off 3 hour assessment', 'one-off', '180', '1:1?', null],
  ['a single session of 2 hours', 'one-off', '120', '1:1?', null],
  ['a total of 6 sessions of 1 hour', 'one-off', '360', '1:1?', null],
  ['6 sessions of 1 hour in total', 'one-off', '360', '1:1?', null],
  ['at least 3 times a week for 30 minutes', 'weekly', '90', '1:1?', null],
  ['a minimum of 2 hours a week', 'weekly', '120', '1:1?', null],
  ['Sam will receive 3 x 30 minutes per week of speech and language therapy from a qualified SaLT (E1, E2).', 'weekly', '90', '1:1?', null],
  ['Sam will have 15 minutes daily with a TA trained by the SaLT to practise vocabulary (E1).', 'weekly', '75', '1:1?', null],
  ['Sam will be supported by a teaching assistant 1:1 for 25 hours per week in class (E2, E3).', 'weekly', '1500', '1:1', null],
  ['A qualified teacher of the deaf will visit once a term for 1 hour to advise staff (E4).', 'yearly', '360', '1:1?', null],
  ['At 9:15 each morning Sam will spend 10 minutes 1:1 with a TA (E5).', 'weekly', '50', '1:1', null],
  ['Sam will take part in a social skills group of 4 led by the SENCO, weekly for 45 minutes, 39 weeks a year (E6).', 'weekly', '45', '1:4', 39],
];

/** [phrase, what the reason must mention] */
const REFUSE: [string, RegExp][] = [
  ['up to 3 hours a week', /up to/],
  ['up to 10 sessions of 30 minutes', /up to/],
  ['2-3 times a week, 30 minutes', /range/],
  ['20-30 minutes daily', /range/],
  ['20–30 minutes daily', /range/],
  ['2 or 3 times a week for 30 minutes', /range/],
  ['between 2 and 3 hours a week', /range/],
  ['approximately 30 minutes weekly', /approximate/],
  ['about 2 hours a week', /approximate/],
  ['around 20 minutes daily', /approximate/],
  ['20ish minutes a day', /approximate/],
  ['no more than 4 hours a week', /no more than/],
  ['a maximum of 5 hours a week', /maximum/],
  ['as needed', /as needed/],
  ['30 minutes as required', /as required/],
  ['regular sessions with a TA', /regular/],
  ['ongoing support', /ongoing/],
  ['weekly', /how long/],
  ['30 minutes', /how often/],
  ['1 hour', /how often/],
  ['monthly for 1 hour', /monthly/],
  ['1 hour a month', /monthly/],
  ['biweekly 30 minutes', /twice a week or every two weeks/],
  ['weekly or fortnightly, 1 hour', /choice/],
  ['3 x 30 minutes', /not how often/],
  ['1:3-4 weekly 1 hour', /range of ratios/],
  ['1:3 or 1:4, weekly, 1 hour', /range of ratios/],
  ['small group, weekly, 30 minutes', /group size/],
  ['in a group of 4-6, weekly, 30 minutes', /range of group sizes/],
  ['1:1 or small group, daily, 20 minutes', /choice of ratios/],
  ['whole class, daily, 1 hour', /group size/],
  ['full-time support', /full-time/],
  ['30 minutes daily and 1 hour weekly', /more than one amount/],
  ['1:1 and 1:4 weekly 1 hour', /more than one ratio/],
  ['39 weeks and 52 weeks, 1 hour weekly', /more than one number of weeks/],
  ['60 weeks, 1 hour weekly', /not a number of weeks/],
  ['0 minutes weekly', /zero/],
  ['200 hours a week', /more hours than there are in a week/],
  ['24 x 8 hours daily', /more hours than there are in a week/],
  ['daily and weekly, 30 minutes', /more than one frequency/],
  ['support as and when required', /as and when/],
  ['Sam will have access to a TA when needed.', /when needed/],
];

function show(r: ReturnType<typeof readQuantityText>): string {
  if (!r.ok) return `refused: ${r.reason}`;
  const q = r.quantity;
  return `${q.basis} ${toDisplay(q.minutes)} ${q.staff}:${q.pupils}${q.ratioStated ? '' : '?'} ${q.weeks}`;
}

describe('quantities: reading real-world phrasings', () => {
  it('has at least 80 phrasings under test', () => {
    assert.ok(ACCEPT.length + REFUSE.length >= 80, `${ACCEPT.length + REFUSE.length}`);
  });
  for (const [phrase, basis, minutes, ratio, weeks] of ACCEPT) {
    it(`reads "${phrase}"`, () => {
      assert.equal(show(readQuantityText(phrase)), `${basis} ${minutes} ${ratio} ${weeks}`);
    });
  }
  for (const [phrase, why] of REFUSE) {
    it(`refuses "${phrase}"`, () => {
      const r = readQuantityText(phrase);
      assert.equal(r.ok, false, show(r));
      if (!r.ok) assert.match(r.reason, why);
    });
  }
});

describe('quantities: table cells', () => {
  it('reads separate cells', () => {
    const r = readQuantities([
      { text: 'weekly', field: 'frequency' },
      { text: '45 minutes', field: 'duration' },
      { text: '1:1', field: 'ratio' },
      { text: '39', field: 'weeks' },
    ]);
    assert.equal(show(r), 'weekly 45 1:1 39');
  });
  it('reads a group-size column holding a bare number', () => {
    const r = readQuantities([
      { text: '3 times a week', field: 'frequency' },
      { text: '20 minutes', field: 'duration' },
      { text: '4', field: 'ratio', header: 'Group size' },
    ]);
    assert.equal(show(r), 'weekly 60 1:4 null');
  });
  it('refuses a bare number in a Ratio column', () => {
    const r = readQuantities([
      { text: 'weekly', field: 'frequency' },
      { text: '1 hour', field: 'duration' },
      { text: '4', field: 'ratio', header: 'Ratio' },
      { text: 'small group', field: 'text' },
    ]);
    assert.equal(r.ok, false);
  });
  it('accepts the same amount written in two cells', () => {
    const r = readQuantities([{ text: '3 x 30 minutes a week', field: 'frequency' }, { text: '30 minutes', field: 'duration' }]);
    assert.equal(show(r), 'weekly 90 1:1? null');
  });
  it('takes the frequency of "3 x 30 minutes" from the other cell', () => {
    const r = readQuantities([{ text: 'weekly', field: 'frequency' }, { text: '3 x 30 minutes', field: 'duration' }]);
    assert.equal(show(r), 'weekly 90 1:1? null');
  });
  it('refuses two different frequencies in two cells', () => {
    const r = readQuantities([{ text: 'weekly', field: 'frequency' }, { text: 'daily, 30 minutes', field: 'duration' }]);
    assert.equal(r.ok, false);
  });
  it('ignores empty cells', () => {
    const r = readQuantities([{ text: '', field: 'frequency' }, { text: '25 hours a week', field: 'duration' }, { text: ' ', field: 'weeks' }]);
    assert.equal(show(r), 'weekly 1500 1:1? null');
  });
  it('summarises what it read', () => {
    const r = readQuantityText('3 x 30 minutes a week, 1:1, 39 weeks');
    assert.ok(r.ok);
    if (r.ok) assert.equal(r.quantity.summary, '3 × 30 min a week · 1:1 · 39 weeks');
  });
});

describe('quantities: Cost cells', () => {
  const cases: [string, string][] = [
    ['£450 one-off', 'one-off 45000'],
    ['£450 one off', 'one-off 45000'],
    ['£1,200 a year', 'annual 120000'],
    ['£1,200', 'annual 120000'],
    ['£1200.50 per annum', 'annual 120050'],
    ['£35 a week', 'weekly 3500'],
    ['£2k', 'annual 200000'],
    ['£12.5 a year', 'annual 1250'],
  ];
  for (const [text, want] of cases) {
    it(`reads "${text}"`, () => {
      const r = readCostCell(text);
      assert.ok(r.ok);
      if (r.ok) assert.equal(`${r.basis} ${r.pence}`, want);
    });
  }
  for (const text of ['up to £500', '£300-£500', '£300 or £400', '£100 a term', 'about £500', 'to be agreed']) {
    it(`refuses "${text}"`, () => assert.equal(readCostCell(text).ok, false));
  }
});
