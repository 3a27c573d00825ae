/** The registry is consistent and every rule documents itself (and every doc page has a rule). */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { allRules } from '../../server/engine/index.js';

const docsDir = path.resolve('docs/rules');
const REQUIRED_HEADINGS = ['## What it checks', '## Why', '## Severity', '## Failing example', '## Passing example'];

describe('rule registry', () => {
  it('has unique kebab-case ids', () => {
    const ids = allRules.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids');
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, `${id} is not kebab-case`);
  });

  it('gives every rule its metadata', () => {
    for (const { meta } of allRules) {
      assert.ok(meta.description.length > 20, `${meta.id}: description too short`);
      assert.ok(meta.basis.length > 20, `${meta.id}: basis missing`);
      assert.ok(['error', 'warning', 'info'].includes(meta.defaultSeverity), `${meta.id}: bad severity`);
    }
  });

  it('has a doc page for every rule, with a failing and a passing example', () => {
    for (const { meta } of allRules) {
      const file = path.join(docsDir, `${meta.id}.md`);
      assert.ok(fs.existsSync(file), `docs/rules/${meta.id}.md is missing`);
      const doc = fs.readFileSync(file, 'utf8');
      assert.ok(doc.startsWith(`# ${meta.id}`), `docs/rules/${meta.id}.md must start with "# ${meta.id}"`);
      for (const heading of REQUIRED_HEADINGS) assert.ok(doc.includes(heading), `docs/rules/${meta.id}.md lacks "${heading}"`);
    }
  });

  it('has a rule for every doc page', () => {
    const ids = new Set(allRules.map((r) => r.meta.id));
    const orphans = fs.readdirSync(docsDir).filter((f) => f.endsWith('.md') && !ids.has(f.replace(/\.md$/, '')));
    assert.deepEqual(orphans, [], `doc pages without a rule: ${orphans.join(', ')}`);
  });
});
