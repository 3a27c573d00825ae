/** `ehcp cost` and `ehcp funding`, run in-process with a fake terminal. */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliIo } from '../../server/cli/io.js';
import { costCommand } from '../../server/cli/commands/cost.js';
import { fundingCommand } from '../../server/cli/commands/funding.js';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(command: typeof costCommand, args: string[], cwd: string): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTty: false, cwd };
  const code = await command(args, io);
  return { code, out, err };
}

function plan(opts: { name: string; setting: string; scheme?: string; level?: string; taHours: number }): string {
  return [
    '---',
    'ehcp: 1',
    'status: final',
    'child:',
    `  name: ${opts.name}`,
    'setting:',
    `  type: ${opts.setting}`,
    '  phase: primary',
    ...(opts.scheme ? ['funding:', `  scheme: ${opts.scheme}`, ...(opts.level ? [`  level: ${opts.level}`] : [])] : []),
    '---',
    '',
    '## Section F: Special educational provision',
    '',
    '### Communication and interaction',
    '',
    '| Provision | Outcomes | Who | Ratio | How often | How long |',
    '|---|---|---|---|---|---|',
    `| Speech and language therapy for ${opts.name} | E1 | Qualified speech and language therapist | 1:1 | weekly | 45 minutes |`,
    '| Practice of the therapy targets | E1 | Teaching assistant trained by the speech and language therapist | 1:1 | daily | 15 minutes |',
    `| Support in lessons | E2 | Teaching assistant | 1:1 | | ${opts.taHours} hours a week |`,
    '| Lunch club | E1 | Learning mentor | 1:6 | weekly | 30 minutes |',
    '',
    '## Section G: Health provision',
    '',
    '| Provision | Who | Ratio | How often | How long | Weeks |',
    '|---|---|---|---|---|---|',
    '| Physiotherapy | Physiotherapist | 1:1 | fortnightly | 1 hour | 52 |',
    '',
  ].join('\n');
}

// F = £2,137.50 + £950.00 + £20 × hours × 38; the lunch club (learning mentor) cannot be costed.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehcp-funding-cli-'));
fs.mkdirSync(path.join(dir, 'caseload'));
// Alice: 25 h → F £22,087.50, top-up £16,087.50 → L17 / RL5
fs.writeFileSync(path.join(dir, 'caseload', 'a.ehcp.md'), plan({ name: 'Alice Example', setting: 'mainstream', scheme: 'example-incremental', level: 'L17', taHours: 25 }));
// Bilal: 5 h → F £6,887.50, top-up £887.50 → L1 / RL1
fs.writeFileSync(path.join(dir, 'caseload', 'b.ehcp.md'), plan({ name: 'Bilal Example', setting: 'mainstream', scheme: 'example-banded', level: 'RL1', taHours: 5 }));
// Cara: special school, 15 h → F £14,487.50, top-up £4,487.50 → L5 / RL2
fs.writeFileSync(path.join(dir, 'caseload', 'c.ehcp.md'), plan({ name: 'Cara Example', setting: 'special', taHours: 15 }));
fs.writeFileSync(path.join(dir, 'caseload', 'README.md'), '# Not a plan\n');
fs.writeFileSync(path.join(dir, 'no-scheme.ehcp.md'), plan({ name: 'Dan Example', setting: 'mainstream', taHours: 1 }));
fs.writeFileSync(path.join(dir, 'bad-scheme.ehcp.md'), plan({ name: 'Eve Example', setting: 'mainstream', scheme: 'example-bandd', taHours: 1 }));

describe('ehcp cost', () => {
  it('prints the breakdown, totals, top-up and level', async () => {
    const r = await run(costCommand, ['caseload/a.ehcp.md'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /£75\.00\/h × 0\.75 h a week × 38 weeks × 1:1 +£2,137\.50/);
    assert.match(r.out, /£20\.00\/h × 1\.25 h a week × 38 weeks × 1:1 +£950\.00/);
    assert.match(r.out, /£20\.00\/h × 25 h a week × 38 weeks × 1:1 +£19,000\.00/);
    assert.match(r.out, /F \(education\) +£22,087\.50/);
    assert.match(r.out, /G \(health\) +£1,820\.00/);
    assert.match(r.out, /Top-up: £16,087\.50/);
    assert.match(r.out, /Level: L17 \(Level 17, £17,000\.00\); rounding gap £912\.50/);
    assert.match(r.out, /Declared level: L17 \(matches\)/);
    assert.match(r.out, /F\.4: who delivers it matches no rate/);
    assert.match(r.out, /ILLUSTRATIVE/);
  });

  it('gives JSON with integer pence', async () => {
    const r = await run(costCommand, ['caseload/a.ehcp.md', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.equal(json.currency, 'GBP');
    assert.equal(json.rows.length, 5);
    assert.deepEqual(json.rows.map((x: { annualPence: number }) => x.annualPence), [213750, 95000, 1900000, 0, 182000]);
    assert.equal(json.rows[3].costed, false);
    assert.equal(json.rows[3].problem.kind, 'no-rate');
    assert.deepEqual(json.totals.bySection.F, { annualPence: 2208750, oneOffPence: 0 });
    assert.deepEqual(json.totals.byPayer.health, { annualPence: 182000, oneOffPence: 0 });
    assert.equal(json.topUp, 1608750);
    assert.equal(json.level.id, 'L17');
    assert.equal(json.declaredLevel, 'L17');
    assert.equal(json.roundingGapPence, 91250);
    assert.ok(!r.out.includes('Alice'), 'the report must not carry plan text such as the child\'s name');
  });

  it('costs under another scheme with --scheme', async () => {
    const r = await run(costCommand, ['caseload/a.ehcp.md', '--scheme', 'example-banded', '--format', 'json'], dir);
    const json = JSON.parse(r.out);
    assert.equal(json.level.id, 'RL5');
    assert.equal(json.roundingGapPence, 2500000 - 1608750);
  });

  it('uses the special-school contribution', async () => {
    const r = await run(costCommand, ['caseload/c.ehcp.md', '--scheme', 'example-incremental', '--format', 'json'], dir);
    const json = JSON.parse(r.out);
    assert.equal(json.schoolContributionPence, 1000000);
    assert.equal(json.topUp, 448750);
    assert.equal(json.level.id, 'L5');
    assert.equal(json.declaredLevel, null);
  });

  it('explains an unknown scheme, a plan with no scheme, and bad arguments (exit 2)', async () => {
    const unknown = await run(costCommand, ['bad-scheme.ehcp.md'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /no funding scheme with the id `example-bandd`/);
    const none = await run(costCommand, ['no-scheme.ehcp.md'], dir);
    assert.equal(none.code, 2);
    assert.match(none.err, /does not name a funding scheme/);
    assert.equal((await run(costCommand, [], dir)).code, 2);
    assert.equal((await run(costCommand, ['a', 'b'], dir)).code, 2);
    assert.equal((await run(costCommand, ['caseload/a.ehcp.md', '--format', 'xml'], dir)).code, 2);
    assert.equal((await run(costCommand, ['caseload/README.md', '--scheme', 'example-banded'], dir)).code, 2);
    assert.equal((await run(costCommand, ['missing.ehcp.md'], dir)).code, 2);
    assert.equal((await run(costCommand, ['--help'], dir)).code, 0);
  });
});

describe('ehcp funding', () => {
  it('compares two schemes across a caseload (JSON)', async () => {
    const r = await run(fundingCommand, ['caseload', '--scheme', 'example-banded', '--compare', 'example-incremental', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.equal(json.plans, 3);
    assert.equal(json.skipped, 1);
    const [a, b] = json.schemes;
    const counts = (s: { histogram: { level: string; plans: number }[] }) => Object.fromEntries(s.histogram.filter((h) => h.plans).map((h) => [h.level, h.plans]));
    assert.deepEqual(counts(a), { RL1: 1, RL2: 1, RL5: 1 });
    assert.deepEqual(counts(b), { L1: 1, L5: 1, L17: 1 });
    // Top-ups: £16,087.50 + £887.50 + £4,487.50 = £21,462.50
    assert.equal(a.totalTopUpPence, 2146250);
    assert.equal(b.totalTopUpPence, 2146250);
    assert.equal(a.totalSpendPence, 2500000 + 200000 + 500000);
    assert.equal(b.totalSpendPence, 1700000 + 100000 + 500000);
    assert.equal(a.roundingGapPence, 3200000 - 2146250);
    assert.equal(b.roundingGapPence, 2300000 - 2146250);
    assert.equal(a.uncostedRows, 3);
    assert.deepEqual(json.changes, [
      { file: 'caseload/a.ehcp.md', from: 'RL5', to: 'L17', fromAmountPence: 2500000, toAmountPence: 1700000, changePence: -800000 },
      { file: 'caseload/b.ehcp.md', from: 'RL1', to: 'L1', fromAmountPence: 200000, toAmountPence: 100000, changePence: -100000 },
      { file: 'caseload/c.ehcp.md', from: 'RL2', to: 'L5', fromAmountPence: 500000, toAmountPence: 500000, changePence: 0 },
    ]);
    assert.deepEqual(json.comparison, { up: 0, down: 2, same: 1, netChangePence: -900000 });
    assert.ok(!/Alice|Bilal|Cara/.test(r.out));
  });

  it('prints a table and a CSV', async () => {
    const table = await run(fundingCommand, ['caseload', '--scheme', 'example-banded', '--compare', 'example-incremental'], dir);
    assert.equal(table.code, 0);
    assert.match(table.out, /Plans per level/);
    assert.match(table.out, /RL5 +£25,000\.00 +1 +#/);
    assert.match(table.out, /Plans whose level changes from example-banded to example-incremental: 3/);
    assert.match(table.out, /caseload\/a\.ehcp\.md +RL5 \(£25,000\.00\) +→ L17 \(£17,000\.00\) +−£8,000\.00/);
    const csv = await run(fundingCommand, ['caseload', '--scheme', 'example-banded', '--compare', 'example-incremental', '--format', 'csv'], dir);
    const lines = csv.out.trim().split('\r\n');
    assert.equal(lines[0], 'kind,scheme,level,plans,amount_pence,total_spend_pence,total_top_up_pence,rounding_gap_pence,beyond,file,from_level,to_level,change_pence');
    assert.ok(lines.includes('level,example-banded,RL5,1,2500000,,,,,,,,'));
    assert.ok(lines.includes('summary,example-incremental,,3,,2300000,2146250,153750,0,,,,'));
    assert.ok(lines.includes('change,,,,,,,,,caseload/a.ehcp.md,RL5,L17,-800000'));
  });

  it('works with one scheme and a scheme file path', async () => {
    const r = await run(fundingCommand, ['caseload', '--scheme', path.relative(dir, path.resolve('templates/funding/example-incremental.json')), '--format', 'json'], dir);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.equal(json.schemes.length, 1);
    assert.equal(json.changes, null);
  });

  it('refuses a missing --scheme, an unknown scheme and a bad format (exit 2)', async () => {
    assert.equal((await run(fundingCommand, ['caseload'], dir)).code, 2);
    const unknown = await run(fundingCommand, ['caseload', '--scheme', 'nope'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /no funding scheme with the id `nope`/);
    assert.equal((await run(fundingCommand, ['caseload', '--scheme', 'example-banded', '--format', 'xml'], dir)).code, 2);
    assert.equal((await run(fundingCommand, ['missing-folder', '--scheme', 'example-banded'], dir)).code, 2);
  });

  it('compares the bundled example plans (issue 4: done when)', async () => {
    const r = await run(fundingCommand, ['templates/examples', '--scheme', 'example-banded', '--compare', 'example-incremental'], process.cwd());
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Plans whose level changes from example-banded to example-incremental/);
  });
});
