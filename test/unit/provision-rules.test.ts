/**
 * The provision rules through the engine: which sections are checked, severities by section and setting,
 * one finding per item, messages, fixes (applied and re-linted) and lexicon config.
 */
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, lintText, type Finding, type ResolvedConfig } from '../../server/engine/index.js';
import { provisionRules } from '../../server/engine/rules/provision/index.js';

const TH = '| Provision | Outcomes | Who | Ratio | How often | How long |\n|---|---|---|---|---|---|';

function plan(opts: { setting?: string; A?: string; F?: string; G?: string; H2?: string }): string {
  const setting = opts.setting ? `setting:\n  type: ${opts.setting}\n  phase: primary\n` : '';
  return `---
ehcp: 1
status: final
localAuthority: Example Borough Council
child:
  name: Sam Taylor
  preferredName: Sam
  dateOfBirth: 2016-03-14
  yearGroup: 5
${setting}---

## Section A: Views, interests and aspirations

### Parents' views

${opts.A ?? 'Sam likes dinosaurs.'}

## Section B: Special educational needs

### Cognition and learning

Sam reads a Year 2 text at 40 words per minute. He should have regular help; this may be reduced later.

## Section C: Health needs

None.

## Section D: Social care needs

None.

## Section E: Outcomes

### Cognition and learning

- **E1** By July 2027, Sam will read a Year 4 text at 90 words per minute with 95% accuracy.

## Section F: Special educational provision

### Cognition and learning

${opts.F ?? '- Sam will receive phonics from a teaching assistant trained in Read Write Inc., daily for 30 minutes in a group of 3 (E1).'}

## Section G: Health provision

${opts.G ?? 'None.'}

## Section H1: Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970

None.

## Section H2: Other social care provision

${opts.H2 ?? 'None.'}

## Section I: Placement

Name: Example Primary School

Type: Mainstream primary school

## Section J: Personal budget

None requested.

## Section K: Advice and information

| Advice | From | Date |
|---|---|---|
| Parent views | Parents | 2026-03-02 |
`;
}

const PROVISION_IDS = new Set(provisionRules.map((r) => r.meta.id));

function lint(text: string, config: ResolvedConfig = DEFAULT_CONFIG): Finding[] {
  return lintText(text, { config, asOf: new Date('2026-11-01T00:00:00Z') }).findings.filter((f) => PROVISION_IDS.has(f.ruleId));
}

function only(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

function applyFix(text: string, finding: Finding): string {
  assert.ok(finding.fix, `${finding.ruleId} has no fix`);
  const edits = [...finding.fix.edits].sort((a, b) => b.startOffset - a.startOffset);
  let out = text;
  for (const e of edits) out = out.slice(0, e.startOffset) + e.newText + out.slice(e.endOffset);
  return out;
}

const lineOf = (text: string, finding: Finding): string => text.split('\n')[finding.range.start.line - 1] ?? '';
const config = (patch: Partial<ResolvedConfig>): ResolvedConfig => ({ ...DEFAULT_CONFIG, ...patch });

describe('provision rules', () => {
  it('are all registered with metadata, and only look at F, G, H1 and H2', () => {
    assert.equal(provisionRules.length, 11);
    for (const rule of provisionRules) {
      assert.match(rule.meta.id, /^provision-/);
      assert.deepEqual(rule.meta.sections, ['F', 'G', 'H1', 'H2']);
      assert.equal(rule.meta.category, 'provision');
    }
  });

  it('finds nothing in a fully specified plan, whatever Sections A and B say', () => {
    const text = plan({ A: 'We think Sam should get access to help as required, e.g. a key adult, up to 10 sessions, subject to review.' });
    assert.deepEqual(lint(text), []);
  });

  it('reports each rule at most once per item, naming every phrase it found', () => {
    const text = plan({ F: `${TH}\n| Access to phonics, where possible, as required | E1 | Teaching assistant trained in Read Write Inc. | 1:3 | daily | 30 minutes |` });
    const vague = only(lint(text), 'provision-vague-phrase');
    assert.equal(vague.length, 1);
    const [finding] = vague;
    assert.ok(finding);
    assert.match(finding.message, /"Access to", "where possible", "as required"/);
    assert.equal(text.slice(finding.range.start.offset, finding.range.end.offset), 'Access to');
    assert.match(finding.message, /Write instead: \[Name\] will receive/); // the rewrite keeps the [Name] placeholder: findings never carry the child's name
  });

  describe('severity follows the law', () => {
    const vagueRow = `${TH}\n| Phonics where possible | E1 | Teaching assistant trained in Read Write Inc. | 1:3 | daily | 30 minutes |`;
    const delegated = `${TH}\n| Phonics as determined by the SENCO | E1 | Teaching assistant trained in Read Write Inc. | 1:3 | daily | 30 minutes |`;
    const severityOf = (text: string, ruleId: string): string | undefined => only(lint(text), ruleId)[0]?.severity;

    it('is an error in F for mainstream and EOTAS settings, and when no setting is given', () => {
      assert.equal(severityOf(plan({ setting: 'mainstream', F: vagueRow }), 'provision-vague-phrase'), 'error');
      assert.equal(severityOf(plan({ setting: 'eotas', F: vagueRow }), 'provision-vague-phrase'), 'error');
      assert.equal(severityOf(plan({ F: vagueRow }), 'provision-vague-phrase'), 'error');
    });

    it('is a warning in F for other settings', () => {
      for (const setting of ['special', 'independent-special', 'resourced-provision', 'early-years', 'post-16']) {
        assert.equal(severityOf(plan({ setting, F: vagueRow }), 'provision-vague-phrase'), 'warning', setting);
      }
    });

    it('is a warning in G and H2', () => {
      const text = plan({ setting: 'mainstream', G: '- Sam will see the school nurse as required for a 20-minute review, termly.', H2: '- A personal assistant will take Sam swimming, weekly for 2 hours, where possible.' });
      const findings = only(lint(text), 'provision-vague-phrase');
      assert.equal(findings.length, 2);
      for (const f of findings) assert.equal(f.severity, 'warning');
    });

    it('is an error in F in any setting for delegated discretion, but a warning for a vague phrase there', () => {
      assert.equal(severityOf(plan({ setting: 'special', F: delegated }), 'provision-delegated-discretion'), 'error');
      assert.equal(severityOf(plan({ setting: 'special', F: vagueRow }), 'provision-vague-phrase'), 'warning');
    });

    it('gives way to a severity set in the config, and "off" turns the rule off', () => {
      const text = plan({ setting: 'mainstream', F: vagueRow });
      assert.equal(only(lint(text, config({ rules: { 'provision-vague-phrase': 'info' } })), 'provision-vague-phrase')[0]?.severity, 'info');
      assert.deepEqual(only(lint(text, config({ rules: { 'provision-vague-phrase': 'off' } })), 'provision-vague-phrase'), []);
    });
  });

  describe('fixes', () => {
    it('replaces a lone modal with "will", keeping its capital', () => {
      const text = plan({ F: '- Sam should receive phonics from a teaching assistant trained in Read Write Inc., daily for 30 minutes in a group of 3 (E1).\n- May receive a reading check from his class teacher, weekly for 10 minutes, 1:1 (E1).' });
      const hedges = only(lint(text), 'provision-hedge');
      assert.equal(hedges.length, 2);
      let fixed = text;
      for (const f of [...hedges].reverse()) fixed = applyFix(fixed, f);
      assert.match(fixed, /Sam will receive phonics/);
      assert.match(fixed, /- Will receive a reading check/);
      assert.deepEqual(only(lint(fixed), 'provision-hedge'), []);
    });

    it('offers no fix when one word is not the whole fix', () => {
      const text = plan({ F: '- It is recommended that Sam receives phonics from a teaching assistant trained in Read Write Inc., daily for 30 minutes in a group of 3 (E1).' });
      const [hedge] = only(lint(text), 'provision-hedge');
      assert.ok(hedge);
      assert.equal(hedge.fix, undefined);
    });

    it('fills empty How often, How long and Who cells with placeholders, never a number or a role', () => {
      const text = plan({ F: `${TH}\n| Phonics with Read Write Inc. | E1 |  | 1:3 |  |  |` });
      const findings = lint(text);
      for (const [ruleId, placeholder, field] of [
        ['provision-missing-frequency', '[how often]', 4],
        ['provision-missing-duration', '[how long]', 5],
        ['provision-missing-deliverer', '[role and training]', 2],
      ] as const) {
        const [finding] = only(findings, ruleId);
        assert.ok(finding, ruleId);
        const fixed = applyFix(text, finding);
        const row = fixed.split('\n').find((l) => l.startsWith('| Phonics'));
        assert.ok(row);
        assert.equal(row.split('|').slice(1, -1)[field]?.trim(), placeholder, ruleId);
        assert.doesNotMatch(row, /\d+ minutes|daily|weekly/);
      }
    });

    it('replaces a vague phrase with a visible placeholder stub, and deletes "or equivalent"', () => {
      const text = plan({ F: `${TH}\n| Phonics as required | E1 | Teaching assistant trained in Read Write Inc. | 1:3 | daily | 30 minutes |\n| Lexia or equivalent | E1 | Teaching assistant trained in Lexia | 1:1 | daily | 20 minutes |` });
      const vague = only(lint(text), 'provision-vague-phrase');
      assert.equal(vague.length, 2);
      const [first, second] = vague;
      assert.ok(first && second);
      assert.match(lineOf(applyFix(text, first), first), /^\| Phonics \[how often\] × \[how long\] by \[role\] \|/);
      assert.match(lineOf(applyFix(text, second), second), /^\| Lexia \| E1 \|/);
    });

    it('offers no fix for an open range: choosing the figure is the council’s decision', () => {
      const text = plan({ F: `${TH}\n| Phonics | E1 | Teaching assistant trained in Read Write Inc. | 1:3 | 2–3 times a week | 30 minutes |` });
      const [range] = only(lint(text), 'provision-open-range');
      assert.ok(range);
      assert.equal(range.fix, undefined);
    });
  });

  describe('lexicon config', () => {
    const text = plan({ F: `${TH}\n| Phonics, with a check-in at the end | E1 | Teaching assistant trained in Read Write Inc. | 1:3 | daily | 30 minutes |` });

    it('a disabled entry is no longer reported', () => {
      assert.equal(only(lint(text), 'provision-vague-phrase').length, 1);
      assert.deepEqual(only(lint(text, config({ lexicon: { add: [], disable: ['check-in'] } })), 'provision-vague-phrase'), []);
    });

    it('an added entry is reported with its own explanation', () => {
      const cfg = config({ lexicon: { add: [{ phrase: 'at the end', why: 'Our council asks for a time of day.', rewrite: '[time of day]' }], disable: ['check-in'] } });
      const [finding] = only(lint(text, cfg), 'provision-vague-phrase');
      assert.ok(finding);
      assert.match(finding.message, /"at the end"\. Our council asks for a time of day\. Write instead: \[time of day\]/);
    });
  });

  it('reads table cells by column: a weekly total in How long counts as how often, the Cost cell is not provision', () => {
    const text = plan({
      F: '| Provision | Outcomes | Who | Ratio | How often | How long | Cost |\n|---|---|---|---|---|---|---|\n| In-class support in English and maths | E1 | Teaching assistant trained in Language for Learning | 1:1 |  | 5 hours a week | £4,000 a year |',
    });
    assert.deepEqual(lint(text), []);
  });
  it('keeps exact ranges and working fixes with CRLF line endings', () => {
    const text = plan({ F: `${TH}\n| Phonics as required | E1 | Teaching assistant trained in Read Write Inc. | 1:3 |  | 30 minutes |` }).replace(/\n/g, '\r\n');
    const findings = lint(text);
    const [vague] = only(findings, 'provision-vague-phrase');
    assert.ok(vague);
    assert.equal(text.slice(vague.range.start.offset, vague.range.end.offset), 'as required');
    const [frequency] = only(findings, 'provision-missing-frequency');
    assert.ok(frequency);
    const fixed = applyFix(text, frequency);
    assert.ok(fixed.includes('| 1:3 | [how often] | 30 minutes |\r\n'));
  });

  it('accepts a named role in any section, and reports a vague one', () => {
    const named = '- Sam will go swimming with a personal assistant, weekly for 2 hours.';
    assert.deepEqual(only(lint(plan({ F: named })), 'provision-missing-deliverer'), []);
    assert.deepEqual(only(lint(plan({ H2: named })), 'provision-missing-deliverer'), []);
    const vague = '- Sam will go swimming with an adult, weekly for 2 hours.';
    const inF = only(lint(plan({ F: vague })), 'provision-missing-deliverer');
    assert.equal(inF.length, 1);
    assert.match(inF[0]?.message ?? '', /does not say who delivers it/);
  });

  it('does not ask how often, how long or who for equipment with no adult activity', () => {
    const text = plan({ F: '- A sloped writing board and pencil grip for all written work (E1).\n- 25% extra time and a separate room in all internal and external exams (E1).' });
    assert.deepEqual(lint(text), []);
  });
});


describe('personal data in findings', () => {
  it('never names the child: messages say "the child" or keep the [Name] placeholder', async () => {
    const fs = await import('node:fs');
    const { lintText } = await import('../../server/engine/index.js');
    const text = fs.readFileSync('templates/examples/flawed-draft.ehcp.md', 'utf8');
    const names = ['Mia', 'Sutton'].filter((n) => text.includes(n));
    assert.ok(names.length > 0, 'the fixture names its child');
    const findings = lintText(text, { asOf: new Date('2026-11-22T00:00:00Z') }).findings;
    assert.ok(findings.length > 10);
    for (const f of findings) for (const n of names) assert.ok(!f.message.includes(n), `${f.ruleId} names the child: ${f.message}`);
  });
});
