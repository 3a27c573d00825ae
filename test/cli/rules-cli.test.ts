/** `ehcp rules`, `ehcp --version`, and the top-level command handling. */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { allRules } from '../../server/engine/index.js';
import { REPO, ehcp, ehcpBuilt, ensureBuiltCli } from './support.js';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };

describe('ehcp rules', function () {
  this.timeout(60_000);

  it('lists every rule with its id, default severity, sections and description', async () => {
    const r = await ehcp(['rules'], REPO);
    assert.equal(r.code, 0);
    assert.equal(r.err, '');
    const lines = r.out.split('\n');
    for (const rule of allRules) {
      const { id, defaultSeverity, sections, description } = rule.meta;
      const line = lines.find((l) => l.split(/\s+/)[0] === id);
      assert.ok(line, `${id} is listed`);
      assert.match(line, new RegExp(`^${id} +${defaultSeverity} +${(sections.join(',') || '-').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +`));
      assert.ok(line.endsWith(description), `${id}: description`);
    }
    assert.equal(lines.filter((l) => /^[a-z0-9-]+ +(error|warning|info) /.test(l)).length, allRules.length, 'one line per rule, no more');
    assert.ok(r.out.endsWith(`\n${allRules.length} rules. \`ehcp rules ID\` shows one rule's explanation with examples.\n`));
  });

  it('lists every rule as JSON with --format json', async () => {
    const r = await ehcp(['rules', '--format', 'json'], REPO);
    assert.equal(r.code, 0);
    assert.deepEqual(
      (JSON.parse(r.out) as { id: string }[]).map((m) => m.id),
      allRules.map((m) => m.meta.id),
    );
  });

  it('prints a rule\'s doc page: `ehcp rules section-missing`', async () => {
    const r = await ehcp(['rules', 'section-missing'], REPO);
    assert.equal(r.code, 0);
    assert.equal(r.out, fs.readFileSync(path.join(REPO, 'docs/rules/section-missing.md'), 'utf8'));
    assert.match(r.out, /^# section-missing\n/);
  });

  it('exits 2 for a misspelt rule, suggesting the nearest id', async () => {
    const r = await ehcp(['rules', 'section-mising'], REPO);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.equal(r.err, 'ehcp rules: there is no rule "section-mising". Did you mean "section-missing"?\n');
  });

  it('exits 2 for `ehcp rules no-such-rule`, with a suggestion of what to do', async () => {
    // No id is near "no-such-rule", so the helpful suggestion is where to find the ids (as the config
    // errors do: "Run `ehcp rules` to list the rules.").
    const r = await ehcp(['rules', 'no-such-rule'], REPO);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /^ehcp rules: there is no rule "no-such-rule"\./);
    assert.match(r.err, /Did you mean "[a-z0-9-]+"\?|`ehcp rules`/, `no suggestion in: ${r.err}`);
  });
});

describe('ehcp: version and commands', function () {
  this.timeout(60_000);

  it('--version prints the package version', async () => {
    const r = await ehcp(['--version'], REPO);
    assert.equal(r.code, 0);
    assert.equal(r.out, `${pkg.version}\n`);
  });

  it('the built CLI prints the same version', () => {
    ensureBuiltCli();
    const r = ehcpBuilt(['--version'], REPO);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, `${pkg.version}\n`);
  });

  it('exits 2 for an unknown command, naming it and showing the usage', async () => {
    const r = await ehcp(['frobnicate', 'plans'], REPO);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /^ehcp: unknown command "frobnicate"\.\n\nUsage: ehcp <command> \[options\]/);
  });

  it('exits 2 with the usage when no command is given, and 0 for --help', async () => {
    const none = await ehcp([], REPO);
    assert.equal(none.code, 2);
    assert.match(none.out + none.err, /Usage: ehcp <command>/);
    const help = await ehcp(['--help'], REPO);
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage: ehcp <command> \[options\]\n/);
    for (const command of ['lint', 'rules']) assert.match(help.out, new RegExp(`\\n  ${command} `));
  });
});
