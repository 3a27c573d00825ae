/**
 * Accessible PDF and HTML export: text and reading order, tagging, bookmarks, determinism, safety, scale,
 * the costing annex, the preview, and the `ehcp export` command.
 *
 * Needs poppler-utils (pdfinfo, pdftotext) and qpdf: `.ci/install-deps.sh` installs them. When they are
 * missing these tests FAIL with that hint; they never pass silently.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RootContent, Table } from 'mdast';
import { exportHtml, exportPdf, previewHtml } from '../../server/engine/export/index.js';
import { costingForExport } from '../../server/engine/export/costing-source.js';
import { plainText } from '../../server/engine/export/prepare.js';
import type { Plan } from '../../server/engine/model.js';
import { exportCommand } from '../../server/cli/commands/export.js';
import type { CliIo } from '../../server/cli/io.js';
import { loadPlan } from '../fixtures/export/load-plan.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const examplesDir = path.join(root, 'templates', 'examples');
const fixturesDir = path.join(root, 'test', 'fixtures', 'export');
const SAMPLE = path.join(fixturesDir, 'sample.ehcp.md');
const UNSAFE = path.join(fixturesDir, 'unsafe.ehcp.md');

function examples(): string[] {
  const list = fs.existsSync(examplesDir)
    ? fs.readdirSync(examplesDir).filter((f) => f.endsWith('.ehcp.md')).sort().map((f) => path.join(examplesDir, f))
    : [];
  return [SAMPLE, ...list];
}

function longest(): string {
  return examples()
    .map((f) => ({ f, n: fs.statSync(f).size }))
    .sort((a, b) => b.n - a.n)[0]!.f;
}

function tool(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function requireTools(): void {
  for (const [cmd, args] of [
    ['pdfinfo', ['-v']],
    ['pdftotext', ['-v']],
    ['qpdf', ['--version']],
  ] as const) {
    try {
      execFileSync(cmd, [...args], { stdio: 'ignore' });
    } catch {
      throw new Error(`${cmd} is not installed: run .ci/install-deps.sh (poppler-utils and qpdf) before these tests.`);
    }
  }
}

let tmp = '';
const pdfCache = new Map<string, { file: string; buf: Buffer; plan: Plan }>();

async function exported(planFile: string): Promise<{ file: string; buf: Buffer; plan: Plan }> {
  const hit = pdfCache.get(planFile);
  if (hit) return hit;
  const plan = loadPlan(planFile);
  const buf = await exportPdf(plan);
  const file = path.join(tmp, `${path.basename(planFile, '.md')}.pdf`);
  fs.writeFileSync(file, buf);
  const entry = { file, buf, plan };
  pdfCache.set(planFile, entry);
  return entry;
}

const clean = (s: string): string => s.replace(/<!--[\s\S]*?-->/g, '').replace(/\s+/g, ' ').trim();
const squash = (s: string): string => s.replace(/\s+/g, '').replace(/[\u2010-\u2015]/g, '-');

/** What must appear, in document order: section headings, outcomes and every table cell. */
function expectedInOrder(plan: Plan): string[] {
  const out: string[] = [];
  const sectionOffsets = new Set(plan.sections.map((s) => s.heading.range.start.offset));
  const outcomeByOffset = new Map(plan.outcomes.map((o) => [o.range.start.offset, o]));
  const walk = (nodes: RootContent[]): void => {
    for (const n of nodes) {
      const off = n.position?.start.offset ?? -1;
      if (n.type === 'heading' && sectionOffsets.has(off)) out.push(plainText(n));
      else if (outcomeByOffset.has(off) && n.type !== 'list') {
        out.push(plainText(n));
        continue;
      }
      if (n.type === 'table') {
        for (const row of (n as Table).children) for (const cell of row.children) out.push(plainText(cell));
        continue;
      }
      if ('children' in n && Array.isArray(n.children)) walk(n.children as RootContent[]);
    }
  };
  walk(plan.mdast.children);
  return out.filter((s) => squash(s).length > 0);
}

/** Text of the body pages (from the page Section A's bookmark points at, else after the contents). */
async function bodyText(file: string, buf: Buffer): Promise<string> {
  const first = await firstSectionPage(buf);
  // -raw keeps content-stream order, which is the order the exporter lays out (and tags) the content.
  return tool('pdftotext', ['-raw', '-f', String(first), '-enc', 'UTF-8', file, '-']);
}

async function pdfjs(buf: Buffer) {
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return lib.getDocument({ data: new Uint8Array(buf), verbosity: 0, useSystemFonts: false, isEvalSupported: false }).promise;
}

interface OutlineNode {
  title: string;
  dest: unknown;
  items: OutlineNode[];
}

async function outlineOf(buf: Buffer): Promise<OutlineNode[]> {
  const doc = await pdfjs(buf);
  const outline = ((await doc.getOutline()) ?? []) as unknown as OutlineNode[];
  await doc.destroy();
  return outline;
}

async function firstSectionPage(buf: Buffer): Promise<number> {
  const doc = await pdfjs(buf);
  const outline = ((await doc.getOutline()) ?? []) as unknown as OutlineNode[];
  let page = 3;
  const sec = outline.find((o) => /^(Section\s+)?A\b/.test(o.title));
  if (sec && Array.isArray(sec.dest) && sec.dest[0]) {
    page = (await doc.getPageIndex(sec.dest[0] as { num: number; gen: number })) + 1;
  }
  await doc.destroy();
  return page;
}

function memoryIo(cwd: string): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    isTty: false,
    cwd,
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}

describe('export', function () {
  this.timeout(120000);

  before(() => {
    requireTools();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ehcp-export-test-'));
  });
  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('PDF text and reading order', () => {
    for (const file of examples()) {
      it(`${path.basename(file)}: every section heading, outcome and table cell, in order`, async () => {
        const { file: pdf, buf, plan } = await exported(file);
        const text = squash(await bodyText(pdf, buf));
        const expected = expectedInOrder(plan);
        assert.ok(expected.length > 0);
        let at = 0;
        for (const item of expected) {
          const needle = squash(item);
          const found = text.indexOf(needle, at);
          assert.ok(found >= 0, `"${item}" is missing from the PDF text, or out of order (searched from offset ${at})`);
          at = found + needle.length;
        }
      });
    }
  });

  describe('PDF structure', () => {
    for (const file of examples()) {
      it(`${path.basename(file)}: tagged, with H1 per section, table header and data cells, en-GB and a title`, async () => {
        const { file: pdf, plan } = await exported(file);
        const info = tool('pdfinfo', [pdf]);
        assert.match(info, /^Tagged:\s+yes$/m);
        assert.match(info, /^Page size:.*\(A4\)/m);
        const struct = tool('pdfinfo', ['-struct-text', pdf]);
        assert.match(struct, /^Document$/m, 'the structure tree is empty');
        const lines = struct.split('\n');
        for (const s of plan.sections) {
          const heading = clean(s.heading.text);
          const i = lines.findIndex((l, k) => l.trim() === `"${heading}"` && /^\s*H1 /.test(lines[k - 1] ?? ''));
          assert.ok(i > 0, `no H1 holding "${heading}" in the structure tree`);
        }
        if (plan.sections.some((s) => s.areas.length > 0)) assert.match(struct, /^\s+H2 /m);
        assert.match(struct, /^\s+Table /m);
        assert.match(struct, /^\s+TR$/m);
        assert.match(struct, /^\s+TH:?$/m);
        assert.match(struct, /\/Scope \/Column/);
        assert.match(struct, /^\s+TD$/m);
        if (plan.outcomes.length > 0) assert.match(struct, /^\s+L \(block\)|^\s+L$/m);
        assert.match(struct, /^\s+LI( \(block\))?$/m);
        assert.match(struct, /^\s+LBody( \(block\))?$/m);
        const json = JSON.parse(tool('qpdf', ['--json=2', '--json-key=qpdf', pdf])) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] };
        const objects = json.qpdf[1];
        const catalog = Object.values(objects).find((o) => o.value && o.value['/Type'] === '/Catalog')?.value;
        assert.ok(catalog, 'no catalog');
        assert.equal(catalog['/Lang'], 'u:en-GB');
        assert.ok(catalog['/StructTreeRoot']);
        const viewerPrefs = catalog['/ViewerPreferences'];
        const vp = typeof viewerPrefs === 'string' ? objects[`obj:${viewerPrefs}`]?.value : (viewerPrefs as Record<string, unknown>);
        assert.equal(vp?.['/DisplayDocTitle'], true);
        const check = execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' });
        assert.match(check, /No syntax or stream encoding errors/);
      });
    }

    it('bookmarks: every section A-K and every area sub-heading', async () => {
      for (const file of examples()) {
        const { buf, plan } = await exported(file);
        const outline = await outlineOf(buf);
        const titles = outline.map((o) => o.title);
        assert.ok(titles.includes('Cover') && titles.includes('Contents'), `${path.basename(file)}: cover/contents bookmarks`);
        for (const s of plan.sections) {
          const heading = clean(s.heading.text);
          const item = outline.find((o) => o.title === heading);
          assert.ok(item, `${path.basename(file)}: no bookmark for "${heading}"`);
          for (const a of s.areas.filter((x) => x.depth === s.heading.depth + 1)) {
            assert.ok(
              item.items.some((c) => c.title === clean(a.name)),
              `${path.basename(file)}: no bookmark for area "${a.name}" under "${heading}"`,
            );
          }
        }
      }
    });

    it('cover, contents with page numbers, running header, "Page X of Y"', async () => {
      const { file: pdf } = await exported(SAMPLE);
      const pages = tool('pdftotext', ['-layout', pdf, '-']).split('\f').filter((p) => p.trim());
      const n = pages.length;
      assert.match(pages[0]!, /Alex Morgan/);
      assert.match(pages[0]!, /Date of birth\s+20 November 2014/);
      assert.match(pages[0]!, /Example Borough Council/);
      assert.match(pages[0]!, /Plan status\s+Draft/);
      assert.match(pages[1]!, /Contents/);
      assert.match(pages[1]!, /Section A: Views, interests and aspirations\s+\.*\s*\d+/);
      pages.forEach((p, i) => assert.match(p, new RegExp(`Page ${i + 1} of ${n}`)));
      for (const p of pages.slice(1)) assert.match(p, /Alex Morgan · Education, Health and Care Plan · Draft issued 1 May 2026/);
      // The watermark is drawn as outlines: it must not pollute the text.
      assert.doesNotMatch(pages.join('\n'), /\bDRAFT\b/);
    });

    it('a table row is never cut across pages and long words are broken', async () => {
      for (const planFile of examples()) {
        const { file: pdf, plan } = await exported(planFile);
        const pages = tool('pdftotext', ['-raw', pdf, '-']).split('\f').map(squash);
        const rows: string[][] = [];
        const walk = (nodes: RootContent[]): void => {
          for (const n of nodes) {
            if (n.type === 'table') for (const r of (n as Table).children) rows.push(r.children.map((c) => squash(plainText(c))));
            else if ('children' in n && Array.isArray(n.children)) walk(n.children as RootContent[]);
          }
        };
        walk(plan.mdast.children);
        for (const cells of rows) {
          const whole = cells.join('');
          assert.ok(
            pages.some((p) => p.includes(whole)),
            `${path.basename(planFile)}: a table row is split across pages or out of order: ${cells.join(' | ').slice(0, 120)}`,
          );
        }
      }
      const { file: sample } = await exported(SAMPLE);
      const text = squash(tool('pdftotext', [sample, '-']));
      assert.ok(text.includes('supercalifragilisticexpialidociousvocabularylistthatneverendsatall'));
    });
  });

  describe('edge cases', () => {
    it('a row taller than a page is split over pages, nothing is lost', async () => {
      const words = Array.from({ length: 900 }, (_, i) => `word${i}`).join(' ');
      const text = `---\nehcp: 1\nstatus: final\nchild:\n  name: Test Child\n---\n\n## Section F: Special educational provision\n\n| Provision | Who |\n|---|---|\n| ${words} | Teaching assistant |\n| Next row | Teacher |\n`;
      const { parsePlan } = await import('../../server/engine/parse/index.js');
      const buf = await exportPdf(parsePlan(text, { filePath: 'tall.ehcp.md' }));
      const file = path.join(tmp, 'tall.pdf');
      fs.writeFileSync(file, buf);
      const raw = squash(tool('pdftotext', ['-raw', file, '-']));
      for (const w of ['word0', 'word450', 'word899', 'Nextrow', 'Teachingassistant']) assert.ok(raw.includes(w), w);
      assert.ok(raw.indexOf('word899') < raw.indexOf('Nextrow'));
      assert.match(tool('pdfinfo', [file]), /^Pages:\s+([4-9]|\d\d)$/m);
      // The table starts under its heading rather than leaving the heading alone on a page.
      const pages = tool('pdftotext', ['-raw', file, '-']).split('\f');
      const first = pages.find((pg) => pg.includes('word0 '));
      assert.ok(first && /^Section F: Special educational provision$/m.test(first) && /^Provision Who$/m.test(first));
    });

    it('characters the font lacks become readable stand-ins; empty and odd plans still export', async () => {
      const { parsePlan } = await import('../../server/engine/parse/index.js');
      const text = `---\nehcp: 1\n---\n\n## Section A: Views\n\nProgress → independence ✓ 🙂\n\n- [x] done\n- [ ] to do\n\n> A quote\n\n\`\`\`\ncode block\n\`\`\`\n\n---\n\nText[^1].\n\n[^1]: A footnote.\n`;
      const buf = await exportPdf(parsePlan(text, { filePath: 'odd.ehcp.md' }));
      const file = path.join(tmp, 'odd.pdf');
      fs.writeFileSync(file, buf);
      const raw = tool('pdftotext', ['-raw', file, '-']);
      assert.match(raw, /Progress -> independence yes \?/);
      assert.match(raw, /\[x\] done/);
      assert.match(raw, /A footnote/);
      const empty = await exportPdf(parsePlan('', { filePath: 'empty.ehcp.md' }));
      assert.equal(empty.subarray(0, 5).toString(), '%PDF-');
      assert.match(exportHtml(parsePlan('', { filePath: 'empty.ehcp.md' })), /<main><\/main>/);
    });
  });

  describe('determinism', () => {
    it('two PDF exports of the same plan are byte-identical, and dated from the plan', async () => {
      const plan = loadPlan(SAMPLE);
      const a = await exportPdf(plan);
      const b = await exportPdf(loadPlan(SAMPLE));
      assert.ok(a.equals(b), 'PDF bytes differ between two exports');
      const file = path.join(tmp, 'det.pdf');
      fs.writeFileSync(file, a);
      assert.match(tool('pdfinfo', ['-isodates', file]), /CreationDate:\s+2026-05-01T00:00:00Z/);
    });
    it('two HTML exports are identical', () => {
      assert.equal(exportHtml(loadPlan(SAMPLE)), exportHtml(loadPlan(SAMPLE)));
    });
  });

  describe('safety', () => {
    it('HTML: no script, event handler, javascript: or data: link, iframe, raw style or remote image survives', () => {
      const html = exportHtml(loadPlan(UNSAFE));
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /javascript:/i);
      assert.doesNotMatch(html, /\son[a-z]+=/i);
      assert.doesNotMatch(html, /<iframe/i);
      assert.doesNotMatch(html, /<img/i);
      assert.doesNotMatch(html, /data:text\/html/i);
      assert.equal(html.match(/<style/g)?.length, 1, 'only the exporter’s own stylesheet');
      assert.doesNotMatch(html, /display: none/);
      assert.match(html, /clicking links/);
      assert.match(html, /&#x3C;script>alert\("name"\)/, 'front-matter text is escaped');
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; style-src &#x27;sha256-/);
      assert.match(html, /<html lang="en-GB">/);
    });
    it('PDF: no JavaScript, no launch actions, only http(s) links', async () => {
      const plan = loadPlan(UNSAFE);
      const buf = await exportPdf(plan);
      const file = path.join(tmp, 'unsafe.pdf');
      fs.writeFileSync(file, buf);
      const qdf = path.join(tmp, 'unsafe.qdf.pdf');
      execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
      const raw = fs.readFileSync(qdf, 'latin1');
      assert.doesNotMatch(raw, /\/JavaScript|\/JS\s|\/Launch|\/SubmitForm|\/ImportData|\/EmbeddedFile/);
      assert.doesNotMatch(raw, /javascript:/i);
      for (const m of raw.matchAll(/\/URI \(([^)]*)\)/g)) assert.match(m[1]!, /^(https?:|mailto:|tel:)/);
      const text = tool('pdftotext', [file, '-']);
      assert.match(text, /clicking links/);
      assert.doesNotMatch(text, /alert\("xss"\)/, 'a raw HTML block is not rendered');
    });
    it('preview: webview CSP with its source and nonce, no scripts', () => {
      const html = previewHtml(loadPlan(UNSAFE), { cspSource: 'vscode-webview://abc', nonce: 'abc123' });
      assert.match(html, /script-src &#x27;none&#x27;/);
      assert.match(html, /style-src vscode-webview:\/\/abc &#x27;nonce-abc123&#x27;/);
      assert.match(html, /<style nonce="abc123">/);
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /javascript:/i);
    });
  });

  describe('HTML export', () => {
    it('self-contained: fonts inline, no external references, print stylesheet, cover and contents', () => {
      const html = exportHtml(loadPlan(SAMPLE));
      assert.match(html, /@font-face\{font-family:"Atkinson Hyperlegible";font-style:normal;font-weight:700;[^}]*src:url\(data:font\/ttf;base64,/);
      assert.doesNotMatch(html, /\ssrc=/, 'nothing is loaded from outside the file');
      assert.match(html, /@media print\{/);
      assert.match(html, /thead\{display:table-header-group;\}/);
      assert.match(html, /counter\(pages\)/);
      assert.match(html, /<th scope="row">Date of birth<\/th><td>20 November 2014<\/td>/);
      assert.match(html, /<a href="#section-f">Section F: Special educational provision<\/a>/);
      assert.match(html, /<h1 id="section-f">Section F: Special educational provision<\/h1>/);
      assert.match(html, /<h2 id="section-f-communication-and-interaction">/);
      assert.match(html, /<th scope="col">Provision<\/th>/);
      assert.match(html, /class="watermark" aria-hidden="true">DRAFT/);
      assert.match(html, /<strong>E1<\/strong>/);
      assert.match(html, /<a href="https:\/\/example.org\/advice\/parents">parent advice<\/a>/);
    });
  });

  describe('costing annex', () => {
    it('only with costing: rows, rates, totals by payer and the level', async () => {
      const planFile = path.join(examplesDir, 'primary-mainstream.ehcp.md');
      const file = fs.existsSync(planFile) ? planFile : SAMPLE;
      const plan = loadPlan(file);
      const c = costingForExport(plan, file);
      assert.ok(c.ok, c.ok ? '' : c.message);
      const withAnnex = path.join(tmp, 'annex.pdf');
      fs.writeFileSync(withAnnex, await exportPdf(plan, { costing: c.summary }));
      const text = tool('pdftotext', ['-layout', withAnnex, '-']);
      assert.match(text, /Costing annex/);
      assert.match(text, /Annual cost met by education/);
      assert.match(text, /Education top-up/);
      assert.match(text, /Funding level from this costing/);
      assert.match(text, /an hour/);
      const { file: plain } = await exported(file);
      assert.doesNotMatch(tool('pdftotext', [plain, '-']), /Costing annex|Education top-up/);
      const html = exportHtml(plan, { costing: c.summary });
      assert.match(html, /<h1 id="costing-annex">Costing annex<\/h1>/);
      assert.doesNotMatch(exportHtml(plan), /costing-annex/);
    });
  });

  describe('scale', () => {
    it('the longest example (40+ pages) exports', async () => {
      const file = longest();
      const started = Date.now();
      const { file: pdf } = await exported(file);
      const ms = Date.now() - started;
      const pages = Number(/^Pages:\s+(\d+)/m.exec(tool('pdfinfo', [pdf]))?.[1]);
      assert.ok(pages >= 40, `${path.basename(file)} exported to ${pages} pages`);
      assert.ok(ms < 60000, `took ${ms} ms`);
    });
  });

  describe('ehcp export (CLI)', () => {
    it('usage errors exit 2', async () => {
      const io = memoryIo(tmp);
      assert.equal(await exportCommand([SAMPLE], io), 2);
      assert.match(io.err, /--pdf, --html/);
      assert.equal(await exportCommand(['--pdf'], memoryIo(tmp)), 2);
      assert.equal(await exportCommand(['--pdf', '--bogus', SAMPLE], memoryIo(tmp)), 2);
      assert.equal(await exportCommand(['--pdf', '-o'], memoryIo(tmp)), 2);
      const help = memoryIo(tmp);
      assert.equal(await exportCommand(['--help'], help), 0);
      assert.match(help.out, /Usage: ehcp export/);
    });

    it('a folder: plans exported, other Markdown skipped, unreadable files reported, atomic, never over the source', async () => {
      const dir = path.join(tmp, 'caseload');
      fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
      fs.copyFileSync(SAMPLE, path.join(dir, 'alex.ehcp.md'));
      fs.copyFileSync(SAMPLE, path.join(dir, 'sub', 'alex.ehcp.md'));
      fs.writeFileSync(path.join(dir, 'notes.md'), '# Meeting notes\n\nNot a plan.\n');
      fs.writeFileSync(path.join(dir, 'broken.ehcp.md'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
      const out = path.join(tmp, 'out');
      const io = memoryIo(tmp);
      const code = await exportCommand(['--pdf', '--html', '-o', out, dir], io);
      assert.equal(code, 2, 'the unreadable file makes the run exit 2');
      assert.match(io.err, /broken\.ehcp\.md: This is a binary file/);
      const files = fs.readdirSync(out).sort();
      assert.deepEqual(files, ['alex-2.html', 'alex-2.pdf', 'alex.html', 'alex.pdf']);
      assert.match(io.out, /1 Markdown file skipped \(not plans\)/);
      assert.ok(fs.readFileSync(path.join(out, 'alex.pdf')).subarray(0, 5).toString() === '%PDF-');

      // Next to the plan by default; the source is untouched and no temp files remain.
      const before = fs.readFileSync(path.join(dir, 'alex.ehcp.md'), 'utf8');
      const io2 = memoryIo(dir);
      assert.equal(await exportCommand(['--html', 'alex.ehcp.md'], io2), 0, io2.err);
      assert.ok(fs.existsSync(path.join(dir, 'alex.html')));
      assert.equal(fs.readFileSync(path.join(dir, 'alex.ehcp.md'), 'utf8'), before);
      assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);

      // A plan whose export name would be the plan itself is refused.
      const odd = path.join(dir, 'odd.html');
      fs.writeFileSync(odd, '---\nehcp: 1\n---\n\n## Section A: Views\n\nText.\n');
      const io3 = memoryIo(dir);
      await exportCommand(['--html', odd], io3);
      assert.ok(fs.readFileSync(odd, 'utf8').startsWith('---\nehcp: 1'), 'the source was overwritten');

      // Explicitly naming a non-plan is an error with a clear message.
      const io4 = memoryIo(dir);
      assert.equal(await exportCommand(['--pdf', path.join(dir, 'notes.md')], io4), 2);
      assert.match(io4.err, /not an EHCP plan/);
      const io5 = memoryIo(dir);
      assert.equal(await exportCommand(['--pdf', path.join(dir, 'missing.ehcp.md')], io5), 2);
      assert.match(io5.err, /missing\.ehcp\.md: /);
    });

    it('--costing adds the annex', async () => {
      const planFile = path.join(examplesDir, 'primary-mainstream.ehcp.md');
      if (!fs.existsSync(planFile)) return;
      const out = path.join(tmp, 'costed');
      const io = memoryIo(tmp);
      assert.equal(await exportCommand(['--pdf', '--costing', '-o', out, planFile], io), 0, io.err);
      assert.match(tool('pdftotext', [path.join(out, 'primary-mainstream.pdf'), '-']), /Costing annex/);
    });
  });
});
