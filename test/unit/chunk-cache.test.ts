/**
 * The editor's chunked re-parse must build exactly the tree a whole parse builds, on every plan we have and
 * after edits (the chunk trees are reused and shifted).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ChunkCache, parseMarkdown } from '../../server/engine/parse/markdown.js';

function plans(): string[] {
  const dirs = ['templates/examples', 'templates/plans', 'test/corpus', ...fs.readdirSync('test/rules').map((d) => path.join('test/rules', d))];
  return dirs
    .filter((d) => fs.statSync(d).isDirectory())
    .flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.md')).map((f) => path.join(d, f)));
}

const tree = (text: string): string => JSON.stringify(parseMarkdown(text));

describe('chunked re-parse', () => {
  it('gives the same tree as a whole parse for every example, template, corpus plan and fixture', () => {
    const files = plans();
    assert.ok(files.length > 250, `only ${files.length} plans found`);
    const different = files.filter((f) => {
      const text = fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, '');
      return JSON.stringify(new ChunkCache().parse(text)) !== tree(text);
    });
    assert.deepEqual(different, []);
  });

  it('stays equal to a whole parse through a sequence of edits, CRLF included', () => {
    const original = fs.readFileSync('templates/examples/special-school.ehcp.md', 'utf8');
    for (const base of [original, original.replace(/\n/g, '\r\n')]) {
      const cache = new ChunkCache();
      let text = base;
      cache.parse(text);
      const edits: [number, string, number][] = [
        [Math.floor(text.length / 2), 'x', 0],
        [10, '', 0],
        [text.indexOf('## Section F'), '\n\n## Section Z\n\nNew text.\n\n', 0],
        [text.indexOf('| Provision'), '', 5],
        [text.length - 5, '\n```\ncode ## not a heading\n```\n', 0],
        [text.indexOf('### '), '<!--\n\n# inside a comment\n\n-->\n', 0],
      ];
      for (const [at, insert, remove] of edits) {
        text = text.slice(0, at) + insert + text.slice(at + remove);
        assert.equal(JSON.stringify(cache.parse(text)), tree(text), `after inserting ${JSON.stringify(insert)} at ${at}`);
      }
    }
  });
});
