/**
 * Costing with hand-computed expectations. Every figure below was worked out by hand from the contract's
 * sample rates (section 8): pence = £/hour × 100 × hours a week × weeks × staff ÷ pupils, rounded once.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintText, parsePlan } from '../../server/engine/index.js';
import { fundingRules } from '../../server/engine/rules/funding/index.js';
import { costPlan, formatPence, weeksBasis } from '../../server/engine/costing/cost.js';
import { bundledSchemes, findScheme, mapToLevel, parseSchemeText, type FundingScheme } from '../../server/engine/costing/schemes.js';
import { planCosting } from '../../server/engine/costing/plan-costing.js';
import { matchDeliverer, matchRate } from '../../server/engine/costing/rates.js';
import schemaJson from '../../schemas/funding-scheme.schema.json' with { type: 'json' };

const banded = (): FundingScheme => bundledSchemes().find((s) => s.id === 'example-banded')!;
const incremental = (): FundingScheme => bundledSchemes().find((s) => s.id === 'example-incremental')!;

function planText(opts: { setting?: string; scheme?: string; level?: string; f?: string[]; g?: string[]; h1?: string[]; h2?: string[]; header?: string }): string {
  const header = opts.header ?? '| Provision | Who | Ratio | How often | How long | Weeks | Cost |\n|---|---|---|---|---|---|---|';
  const table = (rows: string[] | undefined): string => (rows && rows.length ? `${header}\n${rows.join('\n')}` : 'None.');
  return [
    '---',
    'ehcp: 1',
    'status: draft',
    ...(opts.setting ? ['setting:', `  type: ${opts.setting}`, '  phase: primary'] : []),
    ...(opts.scheme ? ['funding:', `  scheme: ${opts.scheme}`, ...(opts.level ? [`  level: ${opts.level}`] : [])] : []),
    '---',
    '',
    '## Section F: Special educational provision',
    '',
    '### Communication and interaction',
    '',
    table(opts.f),
    '',
    '## Section G: Health provision',
    '',
    table(opts.g),
    '',
    '## Section H1: Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970',
    '',
    table(opts.h1),
    '',
    '## Section H2: Other social care provision',
    '',
    table(opts.h2),
    '',
  ].join('\n');
}

const row = (who: string, ratio: string, often: string, long: string, weeks = '', cost = ''): string => `| Support | ${who} | ${ratio} | ${often} | ${long} | ${weeks} | ${cost} |`;

describe('costing: every sample rate (1:1, weekly, 1 hour, 38 weeks)', () => {
  // £/hour × 38 weeks, in pence.
  const cases: [string, string, number][] = [
    ['Teaching assistant', 'teaching-assistant', 76000],
    ['Teaching assistant trained by the SaLT', 'teaching-assistant', 76000],
    ['TA', 'teaching-assistant', 76000],
    ['Learning support assistant', 'teaching-assistant', 76000],
    ['LSA', 'teaching-assistant', 76000],
    ['Higher level teaching assistant', 'hlta', 91200],
    ['HLTA', 'hlta', 91200],
    ['Teacher', 'teacher', 171000],
    ['Class teacher', 'teacher', 171000],
    ['SENCO', 'teacher', 171000],
    ['Specialist teacher for autism', 'specialist-teacher', 209000],
    ['Advisory teacher', 'specialist-teacher', 209000],
    ['Qualified teacher of the deaf', 'specialist-teacher', 209000],
    ['Qualified teacher of the visually impaired', 'specialist-teacher', 209000],
    ['QTVI', 'specialist-teacher', 209000],
    ['QToD', 'specialist-teacher', 209000],
    ['Qualified speech and language therapist', 'speech-and-language-therapist', 285000],
    ['SaLT', 'speech-and-language-therapist', 285000],
    ['SALT', 'speech-and-language-therapist', 285000],
    ['Occupational therapist', 'occupational-therapist', 285000],
    ['OT', 'occupational-therapist', 285000],
    ['Physiotherapist', 'physiotherapist', 266000],
    ['Educational psychologist', 'educational-psychologist', 418000],
    ['EP', 'educational-psychologist', 418000],
    ['Counsellor', 'counsellor', 190000],
    ['Play therapist', 'counsellor', 190000],
  ];
  for (const scheme of [banded, incremental]) {
    for (const [who, rateId, pence] of cases) {
      it(`${scheme().id}: "${who}" → ${rateId}, ${formatPence(pence)}`, () => {
        const plan = parsePlan(planText({ setting: 'mainstream', f: [row(who, '1:1', 'weekly', '1 hour')] }));
        const costing = costPlan(plan, scheme());
        assert.equal(costing.rows.length, 1);
        assert.equal(costing.rows[0]!.rate?.id, rateId);
        assert.equal(costing.rows[0]!.annualPence, pence);
        assert.equal(costing.totals.bySection.F.annualPence, pence);
      });
    }
  }
});

describe('costing: the arithmetic', () => {
  const costOne = (r: string, scheme = incremental()) => costPlan(parsePlan(planText({ setting: 'mainstream', f: [r] })), scheme).rows[0]!;

  it('SaLT 1:1 weekly 45 minutes: £75 × 0.75 h × 38 = £2,137.50', () => assert.equal(costOne(row('Qualified speech and language therapist', '1:1', 'weekly', '45 minutes')).annualPence, 213750));
  it('TA 1:1 daily 15 minutes: £20 × 1.25 h × 38 = £950.00', () => assert.equal(costOne(row('Teaching assistant', '1:1', 'daily', '15 minutes')).annualPence, 95000));
  it('TA 1:1 25 hours a week: £20 × 25 × 38 = £19,000.00', () => assert.equal(costOne(row('Teaching assistant', '1:1', '', '25 hours a week')).annualPence, 1900000));
  it('TA 2:1 25 hours a week: two staff double it, £38,000.00', () => assert.equal(costOne(row('Teaching assistant', '2:1', '', '25 hours a week')).annualPence, 3800000));
  it('Teacher 1:4 3 x 30 minutes a week: £45 × 1.5 × 38 ÷ 4 = £641.25', () => assert.equal(costOne(row('Class teacher', '1:4', '3 x 30 minutes a week', '')).annualPence, 64125));
  it('Specialist teacher 1:1 weekly 1 hour for 39 weeks: £55 × 39 = £2,145.00', () => assert.equal(costOne(row('Specialist teacher', '1:1', 'weekly', '1 hour', '39')).annualPence, 214500));
  it('Physiotherapist fortnightly 1 hour, 52 weeks: £70 × 0.5 × 52 = £1,820.00', () => assert.equal(costOne(row('Physiotherapist', '1:1', 'fortnightly', '1 hour', '52')).annualPence, 182000));
  it('EP termly 1 hour: 6 a year × £110 = £660.00 (weeks do not apply)', () => {
    const r = costOne(row('Educational psychologist', '1:1', 'termly', '1 hour', '39'));
    assert.equal(r.annualPence, 66000);
    assert.equal(r.basis, 'yearly');
    assert.equal(r.weeks, null);
  });
  it('OT one-off 3 hours: £225.00 one-off, not annual', () => {
    const r = costOne(row('Occupational therapist', '1:1', 'one-off', '3 hours'));
    assert.equal(r.oneOffPence, 22500);
    assert.equal(r.annualPence, 0);
  });
  it('HLTA group of 6 daily 30 minutes: £24 × 2.5 × 38 ÷ 6 = £380.00', () => assert.equal(costOne(row('HLTA', 'group of 6', 'daily', '30 minutes')).annualPence, 38000));
  it('Counsellor 1:1 weekly 50 minutes: £50 × 5/6 × 38 = £1,583.333… → £1,583.33', () => assert.equal(costOne(row('Counsellor', '1:1', 'weekly', '50 minutes')).annualPence, 158333));
  it('rounds once per row, halves up: TA 1:8 weekly 3 minutes for 1 week = 12.5p → 13p', () => assert.equal(costOne(row('Teaching assistant', '1:8', 'weekly', '3 minutes', '1')).annualPence, 13));
  it('totals are the sum of the rounded rows, to the penny', () => {
    const r = row('Teaching assistant', '1:3', 'weekly', '1 hour'); // £760 ÷ 3 = £253.333… → 25333p each
    const costing = costPlan(parsePlan(planText({ setting: 'mainstream', f: [r, r, r] })), incremental());
    assert.deepEqual(costing.rows.map((x) => x.annualPence), [25333, 25333, 25333]);
    assert.equal(costing.totals.bySection.F.annualPence, 75999);
  });
  it('a Cost cell is used as written: annual and one-off apart', () => {
    const costing = costPlan(parsePlan(planText({ setting: 'mainstream', f: [row('Parent support worker', '', '', '', '', '£1,200 a year'), row('Supplier', '', '', '', '', '£450 one-off'), row('Taxi', '', '', '', '', '£35 a week')] })), incremental());
    assert.deepEqual(costing.rows.map((x) => [x.method, x.annualPence, x.oneOffPence]), [['cost-cell', 120000, 0], ['cost-cell', 0, 45000], ['cost-cell', 133000, 0]]);
    assert.deepEqual(costing.totals.bySection.F, { annualPence: 253000, oneOffPence: 45000 });
  });
  it('the rate card comes first; a Cost cell covers what it cannot', () => {
    const costing = costPlan(parsePlan(planText({ setting: 'mainstream', f: [row('Teaching assistant', '1:1', 'weekly', '1 hour', '', '£5,000 a year'), row('Teaching assistant', '', '', '', '', '£450 one-off')] })), incremental());
    assert.deepEqual(costing.rows.map((x) => [x.method, x.annualPence, x.oneOffPence]), [['rate', 76000, 0], ['cost-cell', 0, 45000]]);
  });
  it('a row that cannot be costed adds nothing and says why', () => {
    const costing = costPlan(parsePlan(planText({ setting: 'mainstream', f: [row('Parent support worker', '1:1', 'weekly', '1 hour'), row('Teaching assistant', '1:1', 'as needed', ''), row('EP or OT', '1:1', 'weekly', '1 hour')] })), incremental());
    assert.deepEqual(costing.rows.map((x) => x.problem?.kind), ['no-rate', 'unreadable-quantity', 'rate-tie']);
    assert.equal(costing.totals.all.annualPence, 0);
    assert.equal(costing.uncostedCount, 3);
  });
  it('reads a prose bullet', () => {
    const text = planText({ setting: 'mainstream' }).replace('### Communication and interaction\n\nNone.', '### Communication and interaction\n\n- Sam will receive 3 x 30 minutes per week of speech and language therapy from a qualified SaLT, 1:1 (E1).');
    const costing = costPlan(parsePlan(text), incremental());
    assert.equal(costing.rows.length, 1);
    assert.equal(costing.rows[0]!.annualPence, 427500); // £75 × 1.5 × 38
  });
});

describe('costing: totals by section and payer, top-up and level', () => {
  const text = planText({
    setting: 'mainstream',
    scheme: 'example-incremental',
    level: 'L14',
    f: [
      row('Teaching assistant', '1:1', '', '25 hours a week'), // 1,900,000
      row('Qualified speech and language therapist', '1:1', 'weekly', '45 minutes'), // 213,750
      row('Educational psychologist', '1:1', 'one-off', '3 hours'), // 33,000 one-off
    ],
    g: [row('Physiotherapist', '1:1', 'fortnightly', '1 hour', '38')], // 133,000
    h1: [row('Teaching assistant', '1:1', 'weekly', '2 hours')], // 152,000
    h2: [row('Counsellor', '1:1', 'weekly', '1 hour')], // 190,000
  });
  const plan = parsePlan(text);

  it('under example-incremental: F £21,137.50, top-up £15,137.50 → L16, gap £862.50', () => {
    const c = costPlan(plan, incremental());
    assert.deepEqual(c.totals.bySection, {
      F: { annualPence: 2113750, oneOffPence: 33000 },
      G: { annualPence: 133000, oneOffPence: 0 },
      H1: { annualPence: 152000, oneOffPence: 0 },
      H2: { annualPence: 190000, oneOffPence: 0 },
    });
    assert.deepEqual(c.totals.byPayer, {
      education: { annualPence: 2113750, oneOffPence: 33000 },
      health: { annualPence: 133000, oneOffPence: 0 },
      'social-care': { annualPence: 342000, oneOffPence: 0 },
    });
    assert.deepEqual(c.totals.all, { annualPence: 2588750, oneOffPence: 33000 });
    assert.equal(c.schoolContributionPence, 600000);
    assert.equal(c.topUpPence, 1513750);
    assert.equal(c.level?.id, 'L16');
    assert.equal(c.roundingGapPence, 86250);
    assert.equal(c.declaredLevel, 'L14');
  });
  it('under example-banded: the same top-up is RL5, gap £9,862.50', () => {
    const c = costPlan(plan, banded());
    assert.equal(c.topUpPence, 1513750);
    assert.equal(c.level?.id, 'RL5');
    assert.equal(c.roundingGapPence, 2500000 - 1513750);
  });
  it('in a special school the contribution is £10,000: top-up £11,137.50 → L12 / RL4', () => {
    const special = parsePlan(text.replace('type: mainstream', 'type: special'));
    assert.equal(costPlan(special, incremental()).level?.id, 'L12');
    assert.equal(costPlan(special, banded()).level?.id, 'RL4');
    assert.equal(costPlan(special, banded()).topUpPence, 1113750);
  });
  it('in an early-years setting nothing is deducted: top-up £21,137.50 → L22 / RL5', () => {
    const ey = parsePlan(text.replace('type: mainstream', 'type: early-years'));
    assert.equal(costPlan(ey, incremental()).level?.id, 'L22');
    assert.equal(costPlan(ey, banded()).level?.id, 'RL5');
  });
  it('the top-up is never negative', () => {
    const small = parsePlan(planText({ setting: 'mainstream', f: [row('Teaching assistant', '1:1', 'weekly', '1 hour')] }));
    const c = costPlan(small, incremental());
    assert.equal(c.topUpPence, 0);
    assert.equal(c.level?.id, 'L0');
    assert.equal(costPlan(small, banded()).level?.id, 'RL1');
  });
  it('without a setting type there is no top-up and no level', () => {
    const c = costPlan(parsePlan(planText({ f: [row('Teaching assistant', '1:1', 'weekly', '1 hour')] })), incremental());
    assert.equal(c.topUpPence, null);
    assert.equal(c.levelStatus, 'unknown-setting');
  });
  it('beyond the top of each scheme', () => {
    const big = parsePlan(planText({ setting: 'mainstream', f: [row('Teaching assistant', '2:1', '', '32.5 hours a week', '52')] })); // £67,600
    const c = costPlan(big, incremental());
    assert.equal(c.totals.bySection.F.annualPence, 6760000);
    assert.equal(c.levelStatus, 'beyond');
    assert.equal(c.level, null);
    assert.equal(costPlan(big, banded()).levelStatus, 'beyond');
  });
  it('planCosting uses the scheme the plan names', () => {
    const outcome = planCosting(plan, { fundingSchemePaths: [] });
    assert.equal(outcome.status, 'costed');
    if (outcome.status === 'costed') assert.equal(outcome.costing.level?.id, 'L16');
  });
  it('finds the most common weeks basis and the first row off it', () => {
    const mixed = parsePlan(planText({ setting: 'mainstream', f: [row('TA', '1:1', 'weekly', '1 hour'), row('TA', '1:1', 'weekly', '1 hour', '52'), row('TA', '1:1', 'weekly', '1 hour')] }));
    const basis = weeksBasis(costPlan(mixed, incremental()));
    assert.equal(basis?.mode, 38);
    assert.equal(basis?.first?.index, 2);
  });
});

describe('schemes: the bundled samples are exactly the contract\'s', () => {
  it('both are marked illustrative', () => {
    for (const s of bundledSchemes()) {
      assert.equal(s.illustrative, true);
      assert.match(s.source, /illustrative/i);
      assert.equal(s.weeksPerYear, 38);
      assert.equal(s.currency, 'GBP');
      assert.deepEqual(s.schoolContributionPence, { 'early-years': 0, mainstream: 600000, 'resourced-provision': 1000000, special: 1000000, 'independent-special': 1000000, 'post-16': 600000, eotas: 0 });
      assert.deepEqual(s.rates.map((r) => [r.id, r.pencePerHour]), [
        ['teaching-assistant', 2000], ['hlta', 2400], ['teacher', 4500], ['specialist-teacher', 5500], ['speech-and-language-therapist', 7500],
        ['occupational-therapist', 7500], ['physiotherapist', 7000], ['educational-psychologist', 11000], ['counsellor', 5000],
      ]);
    }
  });
  it('example-incremental: L0..L40 in £1,000 steps', () => {
    const s = incremental();
    assert.equal(s.levels.length, 41);
    assert.deepEqual(s.levels[0], { id: 'L0', label: 'Level 0', index: 0, minPence: 0, maxPence: 0, amountPence: 0 });
    assert.deepEqual(s.levels[7], { id: 'L7', label: 'Level 7', index: 7, minPence: 600001, maxPence: 700000, amountPence: 700000 });
    assert.equal(s.levels[40]!.maxPence, 4000000);
  });
  it('example-banded: RL1..RL5 with the contract\'s unequal ranges', () => {
    assert.deepEqual(banded().levels.map((l) => [l.id, l.minPence, l.maxPence]), [
      ['RL1', 0, 200000], ['RL2', 200100, 500000], ['RL3', 500100, 900000], ['RL4', 900100, 1500000], ['RL5', 1500100, 2500000],
    ]);
  });
});

describe('schemes: mapping a top-up to a level', () => {
  const at = (s: FundingScheme, pence: number): string => {
    const m = mapToLevel(s, pence);
    return m.kind === 'level' ? m.level.id : m.kind;
  };
  const cases: [number, string, string][] = [
    [0, 'L0', 'RL1'],
    [1, 'L1', 'RL1'],
    [100000, 'L1', 'RL1'],
    [100001, 'L2', 'RL1'],
    [200000, 'L2', 'RL1'],
    [200001, 'L3', 'RL2'],
    [200050, 'L3', 'RL2'], // £2,000.50 lies between RL1's max and RL2's min: it belongs to the higher band
    [500000, 'L5', 'RL2'],
    [500001, 'L6', 'RL3'],
    [900000, 'L9', 'RL3'],
    [900001, 'L10', 'RL4'],
    [1500000, 'L15', 'RL4'],
    [1500001, 'L16', 'RL5'],
    [2500000, 'L25', 'RL5'],
    [2500001, 'L26', 'beyond'],
    [4000000, 'L40', 'beyond'],
    [4000001, 'beyond', 'beyond'],
  ];
  for (const [pence, inc, band] of cases) {
    it(`${formatPence(pence)} → ${inc} / ${band}`, () => {
      assert.equal(at(incremental(), pence), inc);
      assert.equal(at(banded(), pence), band);
    });
  }
  it('nearest mapping: the closest amount, ties to the higher level', () => {
    const nearest = { ...incremental(), mapping: 'nearest' as const };
    assert.equal(at(nearest, 149999), 'L1');
    assert.equal(at(nearest, 150000), 'L2');
    assert.equal(at(nearest, 40000), 'L0');
    const nb = { ...banded(), mapping: 'nearest' as const };
    assert.equal(at(nb, 350000), 'RL2'); // 3,500: 1,500 from RL2 (5,000), 1,500 from RL1 (2,000): tie → RL2
    assert.equal(at(nb, 340000), 'RL1');
  });
});

describe('schemes: files, ids and errors', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehcp-schemes-'));
  const yaml = [
    'id: test-council',
    'name: Test Council banding',
    'currency: GBP',
    'weeksPerYear: 39',
    'source: Test fixture',
    'date: 2026-04-01',
    'mapping: nearest',
    'schoolContribution: { early-years: 0, mainstream: 6000, resourced-provision: 10000, special: 10000, independent-special: 10000, post-16: 6000, eotas: 0 }',
    'levels:',
    '  - { id: A, min: 0, max: 3000, amount: 3000 }',
    '  - { id: B, min: 3000.01, max: 8000, amount: 7500 }',
    'rates:',
    '  - { id: ta, label: TA, perHour: 21.37, phrases: [teaching assistant, TA] }',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'test-council.yaml'), yaml);
  fs.writeFileSync(path.join(dir, 'broken.json'), '{ "id": "broken", ');
  fs.writeFileSync(path.join(dir, 'invalid.yaml'), yaml.replace('max: 8000', 'max: lots'));

  it('loads a YAML scheme with pence-exact rates', () => {
    const load = findScheme('./test-council.yaml', { planPath: path.join(dir, 'plan.md'), config: { fundingSchemePaths: [] } });
    assert.ok(load.ok, load.ok ? '' : load.problem);
    if (load.ok) {
      assert.equal(load.scheme.rates[0]!.pencePerHour, 2137);
      assert.equal(load.scheme.weeksPerYear, 39);
      assert.equal(load.scheme.levels[1]!.minPence, 300001);
    }
  });
  it('finds a configured scheme by id (config before bundled)', () => {
    const load = findScheme('test-council', { config: { fundingSchemePaths: [dir] } });
    assert.ok(load.ok);
  });
  it('costs with a configured scheme: TA £21.37 × 1 h × 39 weeks = £833.43', () => {
    const load = findScheme('test-council', { config: { fundingSchemePaths: [dir] } });
    assert.ok(load.ok);
    if (!load.ok) return;
    const c = costPlan(parsePlan(planText({ setting: 'mainstream', f: [row('TA', '1:1', 'weekly', '1 hour')] })), load.scheme);
    assert.equal(c.rows[0]!.annualPence, 83343);
  });
  it('names an unknown id and the known ones, mentioning broken files', () => {
    const load = findScheme('example-bandd', { config: { fundingSchemePaths: [dir] } });
    assert.equal(load.ok, false);
    if (!load.ok) {
      assert.match(load.problem, /no funding scheme with the id `example-bandd`/);
      assert.match(load.problem, /example-banded/);
      assert.match(load.problem, /could not be read/);
    }
  });
  it('explains a file that is not valid JSON', () => {
    const load = findScheme('broken.json', { planPath: path.join(dir, 'plan.md'), config: { fundingSchemePaths: [] } });
    assert.equal(load.ok, false);
    if (!load.ok) assert.match(load.problem, /not valid JSON/);
  });
  it('explains a scheme that breaks the schema', () => {
    const load = findScheme('./invalid.yaml', { planPath: path.join(dir, 'plan.md'), config: { fundingSchemePaths: [] } });
    assert.equal(load.ok, false);
    if (!load.ok) assert.match(load.problem, /levels\[1\]\.max/);
  });
  it('explains a missing file and a relative path with no plan location', () => {
    const missing = findScheme('./nope.json', { planPath: path.join(dir, 'plan.md'), config: { fundingSchemePaths: [] } });
    assert.equal(missing.ok, false);
    const noBase = findScheme('./test-council.yaml', { config: { fundingSchemePaths: [] } });
    assert.equal(noBase.ok, false);
  });
  it('refuses overlapping bands, shared phrases and fractions of a penny', () => {
    const bad = (text: string): string => {
      const load = parseSchemeText(text, 'x.yaml');
      return load.ok ? 'ok' : load.problem;
    };
    assert.match(bad(yaml.replace('min: 3000.01', 'min: 2000')), /overlaps/);
    assert.match(bad(yaml.replace('[teaching assistant, TA] }', '[teaching assistant, TA] }\n  - { id: lsa, perHour: 20, phrases: [ta] }')), /belongs to both/);
    assert.match(bad(yaml.replace('21.37', '21.375')), /whole pence/);
    assert.match(bad(yaml.replace('currency: GBP', 'currency: EUR')), /currency/);
  });
});

describe('rates: matching a Who cell', () => {
  const rates = incremental().rates;
  const pick = (text: string): string => {
    const r = matchRate(text, rates);
    return r.ok ? r.match.rate.id : r.reason;
  };
  it('matches whole words, ignoring case', () => {
    assert.equal(pick('a ta'), 'teaching-assistant');
    assert.equal(pick('Data manager'), 'none');
    assert.equal(pick('STAFF'), 'none');
    assert.equal(pick('Teachers'), 'none');
    // The rule is mechanical: "SaLT" (4 characters) is longer than "TA" (2), so write roles in full.
    assert.equal(pick('SaLT-trained TA'), 'speech-and-language-therapist');
    assert.equal(pick('Teaching assistant trained by the SaLT'), 'teaching-assistant');
  });
  it('lets the longest phrase win', () => {
    assert.equal(pick('Higher level teaching assistant'), 'hlta');
    assert.equal(pick('Specialist teacher'), 'specialist-teacher');
    assert.equal(pick('Teaching assistant supervised by the SaLT'), 'teaching-assistant');
    assert.equal(pick('Class teacher with SENCO oversight'), 'teacher');
  });
  it('costs the role that delivers, not the one that trains or supervises', () => {
    const deliverer = (text: string): string => {
      const r = matchDeliverer(text, rates);
      return r.ok ? r.match.rate.id : r.reason;
    };
    assert.equal(deliverer('Teaching assistant trained by the speech and language therapist'), 'teaching-assistant');
    assert.equal(deliverer('TA supervised by the occupational therapist'), 'teaching-assistant');
    assert.equal(deliverer('SaLT-trained TA'), 'teaching-assistant');
    assert.equal(deliverer('Learning mentor trained by the educational psychologist'), 'educational-psychologist'); // nothing before: whole text
    assert.equal(deliverer('Qualified speech and language therapist'), 'speech-and-language-therapist');
  });
  it('matches nothing on a tie between different rates', () => {
    assert.equal(pick('EP or OT'), 'tie');
  });
});

describe('the funding scheme JSON Schema', () => {
  it('describes every property in plain English', () => {
    const missing: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (!node || typeof node !== 'object') return;
      const obj = node as Record<string, unknown>;
      const props = obj.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [key, value] of Object.entries(props ?? {})) {
        if (typeof value.description !== 'string' || value.description.length < 10) missing.push(`${where}.${key}`);
        walk(value, `${where}.${key}`);
      }
      for (const key of ['items', 'oneOf', '$defs']) {
        const child = obj[key];
        if (Array.isArray(child)) child.forEach((c, i) => walk(c, `${where}.${key}[${i}]`));
        else if (child && typeof child === 'object') {
          if (key === '$defs') for (const [k, v] of Object.entries(child)) walk(v, `${where}.$defs.${k}`);
          else walk(child, `${where}.${key}`);
        }
      }
    };
    walk(schemaJson, '');
    assert.deepEqual(missing, []);
    assert.equal(schemaJson.$schema, 'https://json-schema.org/draft/2020-12/schema');
  });
});

describe('funding rules: messages and fixes', () => {
  const lintFunding = async (text: string) => lintText(text, { rules: fundingRules }).findings;
  const f = [row('Teaching assistant', '1:1', '', '25 hours a week'), row('Qualified speech and language therapist', '1:1', 'weekly', '45 minutes')]; // £21,137.50

  it('names both levels and the total, and fixes the level', async () => {
    const text = planText({ setting: 'mainstream', scheme: 'example-incremental', level: 'L9', f });
    const finding = (await lintFunding(text)).find((x) => x.ruleId === 'funding-level-mismatch')!;
    assert.match(finding.message, /declares funding level L9/);
    assert.match(finding.message, /maps to L16/);
    assert.match(finding.message, /£21,137\.50/);
    assert.match(finding.message, /top-up is £15,137\.50/);
    const edit = finding.fix!.edits[0]!;
    assert.equal(text.slice(edit.startOffset, edit.endOffset), 'L9');
    assert.equal(edit.newText, 'L16');
  });
  it('offers no level fix while Section F rows cannot be costed', async () => {
    const text = planText({ setting: 'mainstream', scheme: 'example-incremental', level: 'L9', f: [...f, row('Learning mentor', '1:1', 'weekly', '1 hour')] });
    const findings = await lintFunding(text);
    const mismatch = findings.find((x) => x.ruleId === 'funding-level-mismatch')!;
    assert.equal(mismatch.fix, undefined);
    assert.match(mismatch.message, /could not be costed/);
    assert.ok(findings.some((x) => x.ruleId === 'cost-uncosted-row'));
  });
  it('adds the costed level when none is declared', async () => {
    const text = planText({ setting: 'mainstream', scheme: 'example-incremental', f });
    const finding = (await lintFunding(text)).find((x) => x.ruleId === 'funding-level-missing')!;
    const edit = finding.fix!.edits[0]!;
    const fixed = text.slice(0, edit.startOffset) + edit.newText + text.slice(edit.endOffset);
    assert.match(fixed, /funding:\n {2}scheme: example-incremental\n {2}level: L16\n---/);
    assert.deepEqual((await lintFunding(fixed)).map((x) => x.ruleId), []);
  });
  it('reports an unknown scheme on its value and costs nothing, without throwing', async () => {
    const text = planText({ setting: 'mainstream', scheme: 'no-such-scheme', level: 'L1', f });
    const findings = await lintFunding(text);
    assert.deepEqual(findings.map((x) => x.ruleId), ['funding-scheme-unknown']);
    assert.equal(findings[0]!.range.start.line, 8);
  });
  it('reports a top-up beyond the scheme instead of a mismatch', async () => {
    const text = planText({ setting: 'mainstream', scheme: 'example-banded', level: 'RL5', f: [row('Teaching assistant', '2:1', '', '25 hours a week')] }); // £38,000 → top-up £32,000
    const findings = await lintFunding(text);
    assert.deepEqual(findings.map((x) => x.ruleId), ['funding-beyond-scheme']);
    assert.match(findings[0]!.message, /£32,000\.00/);
    assert.match(findings[0]!.message, /RL5, up to £25,000\.00/);
  });
});
