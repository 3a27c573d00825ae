/** A council's lexicon entries in the config are checked when the config is read. */
import assert from 'node:assert/strict';
import { allRules, ConfigError, lintText, parseConfigText } from '../../server/engine/index.js';
import fs from 'node:fs';

const ids = allRules.map((r) => r.meta.id);

describe('config: lexicon entries', () => {
  it('rejects an added regular expression that does not compile, at the lexicon key', () => {
    const text = '{\n  "lexicon": {\n    "add": [{ "phrase": "as (directed", "regex": true, "why": "x", "rewrite": "y" }]\n  }\n}\n';
    assert.throws(() => parseConfigText(text, '.ehcprc.json', ids), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.line, 2);
      assert.match(error.problem, /lexicon entry "as \(directed" is not usable/);
      return true;
    });
  });

  it('rejects a disable that names no built-in entry', () => {
    assert.throws(() => parseConfigText('lexicon:\n  disable: [no-such-entry]\n', '.ehcprc.yaml', ids), /lexicon\.disable names no entry/);
  });

  it('accepts a category and a stub, and the added phrase is then reported by that check', () => {
    const config = parseConfigText(
      'lexicon:\n  add:\n    - phrase: as directed by\n      category: delegated-discretion\n      why: Leaves the decision to someone else.\n      rewrite: the plan states [what] [how often] by [role]\n',
      '.ehcprc.yaml',
      ids,
    );
    const plan = fs.readFileSync('templates/examples/primary-mainstream.ehcp.md', 'utf8').replace(/(\| Precision Teaching[^|]*)/, '$1, as directed by the SENCO');
    const findings = lintText(plan, { config, asOf: new Date('2026-11-22T00:00:00Z') }).findings.filter((f) => f.ruleId === 'provision-delegated-discretion');
    assert.ok(plan.includes('as directed by the SENCO'), 'the fixture edit applied');
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /as directed by/);
  });
});
