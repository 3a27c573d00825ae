/**
 * Per-rule fixtures: every `test/rules/<rule-id>/*.md` is linted with all rules, and that rule's
 * findings must match the inline markers exactly (no false positives, no false negatives).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules, ConfigFinder, lintText, ruleById } from '../../server/engine/index.js';
import { compare, describe as describeComparison, readAsOf, readExpectations } from '../support/markers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ruleDirs = fs
  .readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const finder = new ConfigFinder(allRules.map((r) => r.meta.id));

describe('rule fixtures', () => {
  it('every fixture folder is named after a rule', () => {
    const unknown = ruleDirs.filter((id) => !ruleById(id));
    assert.deepEqual(unknown, [], `fixture folders for rules that do not exist: ${unknown.join(', ')}`);
  });

  for (const ruleId of ruleDirs) {
    describe(ruleId, () => {
      const dir = path.join(here, ruleId);
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
      it('has at least one fixture with a finding and one without', () => {
        const marked = files.map((f) => readExpectations(fs.readFileSync(path.join(dir, f), 'utf8')).some((e) => e.ruleId === ruleId));
        assert.ok(marked.includes(true), `no fixture of ${ruleId} expects a finding`);
        assert.ok(marked.includes(false), `no fixture of ${ruleId} is a passing case`);
      });
      for (const file of files) {
        it(file, () => {
          const full = path.join(dir, file);
          const text = fs.readFileSync(full, 'utf8');
          const result = lintText(text, { filePath: full, config: finder.configForPlan(full), asOf: readAsOf(text, '2026-11-01') });
          assert.ok(result.isPlan, `${file} is not recognised as a plan`);
          const findings = result.findings.filter((f) => f.ruleId === ruleId);
          const expected = readExpectations(text).filter((e) => e.ruleId === ruleId);
          const comparison = compare(findings, expected);
          assert.ok(comparison.unexpected.length === 0 && comparison.missing.length === 0, `\n${describeComparison(comparison, `${ruleId}/${file}`)}`);
        });
      }
    });
  }
});
