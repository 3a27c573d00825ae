/**
 * HTML export and the preview.
 *
 * `exportHtml` gives one self-contained file: inline CSS, the Atkinson Hyperlegible fonts as base64, no
 * script at all, a strict Content-Security-Policy, `lang="en-GB"`, and a print stylesheet that follows the
 * PDF (A4, cover, contents, running header, "Page X of Y", header rows repeated, rows kept whole, DRAFT
 * watermark). `previewHtml` gives the same document for a VS Code webview, with the CSP the webview needs.
 *
 * Safety: the plan's Markdown goes through remark-rehype without `allowDangerousHtml` (raw HTML is dropped)
 * and then rehype-sanitize; links are kept only for http(s), mailto and tel and in-document anchors;
 * images become their alt text (nothing is fetched). Everything the exporter adds itself (cover, contents,
 * annex) is built as a tree of elements and text nodes, so front-matter values are always escaped.
 */
import { createHash } from 'node:crypto';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Element, ElementContent, Properties, Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes, PhrasingContent, Root as MdastRoot, RootContent } from 'mdast';
import type { Plan } from '../model.js';
import { costingAnnexModel, type CostingSummary } from './costing.js';
import { FONT_FAMILY, FONT_FILES, loadFonts, type FontStyle } from './fonts.js';
import { DOCUMENT_LANG, normaliseLabel, prepare, safeUrl, type PreparedPlan } from './prepare.js';

export interface HtmlExportOptions {
  costing?: CostingSummary | null;
}

export interface PreviewHtmlOptions {
  /** The webview's `cspSource` (e.g. `vscode-webview://…`), allowed for styles, fonts and images. */
  cspSource: string;
  /** When given, the stylesheet carries this nonce and the CSP allows it. */
  nonce?: string;
  costing?: CostingSummary | null;
  /**
   * Base URI (already converted with `webview.asWebviewUri`) of a folder holding the four Atkinson
   * Hyperlegible .ttf files (`FONT_FILES` names them). Without it the fonts are embedded as base64.
   */
  fontBaseUri?: string;
}

// ------------------------------------------------------------------------------------------------
// hast helpers

function el(tagName: string, properties: Properties = {}, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

function txt(value: string): ElementContent {
  return { type: 'text', value };
}

// ------------------------------------------------------------------------------------------------
// Markdown → safe hast

/** A copy of the blocks with heading levels and anchors set, unsafe links unwrapped, images as alt text. */
function prepareMdast(prep: PreparedPlan): MdastRoot {
  const copy = (n: MdastNodes): MdastNodes[] => {
    switch (n.type) {
      case 'html':
        return [];
      case 'image':
      case 'imageReference': {
        const alt = n.alt?.trim();
        return [{ type: 'text', value: alt ? `[Image: ${alt}]` : '[Image]' }];
      }
      case 'link': {
        const url = safeUrl(n.url);
        const kids = n.children.flatMap((c) => copy(c)) as PhrasingContent[];
        if (!url) return kids;
        return [{ ...n, url, title: n.title ?? null, children: kids }];
      }
      case 'linkReference': {
        const def = prep.definitions.get(normaliseLabel(n.label ?? n.identifier));
        const url = safeUrl(def?.url);
        const kids = n.children.flatMap((c) => copy(c)) as PhrasingContent[];
        if (!url) return kids;
        return [{ type: 'link', url, title: null, children: kids, position: n.position }];
      }
      case 'definition':
        return [];
      case 'heading': {
        const info = prep.headings.get(n);
        const level = info ? info.level : Math.min(6, Math.max(2, n.depth));
        const kids = n.children.flatMap((c) => copy(c)) as PhrasingContent[];
        return [
          {
            ...n,
            children: kids,
            data: { ...n.data, hName: `h${level}`, hProperties: info ? { id: info.id } : {} },
          },
        ];
      }
      default:
        if ('children' in n && Array.isArray(n.children)) {
          const kids = (n.children as MdastNodes[]).flatMap((c) => copy(c));
          return [{ ...n, children: kids } as MdastNodes];
        }
        return [{ ...n }];
    }
  };
  return { type: 'root', children: prep.blocks.flatMap((b) => copy(b)) as RootContent[] };
}

const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // Ids come only from the exporter (raw HTML is dropped before this step), so no prefix is needed.
  clobberPrefix: '',
  clobber: [],
  attributes: {
    ...defaultSchema.attributes,
    h1: ['id'],
    h2: ['id', ['className', 'sr-only']],
    h3: ['id'],
    h4: ['id'],
    h5: ['id'],
    h6: ['id'],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'] },
};

function bodyHast(prep: PreparedPlan): ElementContent[] {
  const mdast = prepareMdast(prep);
  const processor = unified().use(remarkRehype).use(rehypeSanitize, sanitizeSchema);
  const hast = processor.runSync(mdast) as HastRoot;
  // Column headers get scope="col"; tables get a class for the stylesheet.
  const visit = (n: HastRoot | Element): void => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'th') c.properties = { ...c.properties, scope: 'col' };
      visit(c);
    }
  };
  visit(hast);
  return hast.children.filter((c): c is ElementContent => c.type !== 'doctype');
}

// ------------------------------------------------------------------------------------------------
// The exporter's own parts

function coverHast(prep: PreparedPlan, localAuthority: string | null): Element {
  const kids: ElementContent[] = [];
  if (localAuthority) kids.push(el('p', { className: ['la'] }, [txt(localAuthority)]));
  kids.push(el('h1', { id: 'cover-title' }, [txt(prep.title)]));
  if (prep.draft) kids.push(el('p', { className: ['draft-note'] }, [txt(`${prep.statusLabel ?? 'Draft'}: not a final plan`)]));
  kids.push(
    el('table', { className: ['facts'] }, [
      el('caption', { className: ['sr-only'] }, [txt('About this plan')]),
      el(
        'tbody',
        {},
        prep.cover.map((f) => el('tr', {}, [el('th', { scope: 'row' }, [txt(f.label)]), el('td', {}, [txt(f.value)])])),
      ),
    ]),
  );
  kids.push(
    el('p', { className: ['note'] }, [
      txt(
        'This is an Education, Health and Care Plan under the Children and Families Act 2014. ' +
          'Sections A to K follow the SEND Code of Practice (9.62).',
      ),
    ]),
  );
  return el('section', { className: ['cover'], ariaLabelledBy: ['cover-title'] }, kids);
}

function contentsHast(prep: PreparedPlan, costing: boolean): Element {
  const top: Element[] = [];
  let current: Element | null = null;
  for (const e of prep.contents) {
    const link = el('a', { href: `#${e.id}` }, [txt(e.text)]);
    if (e.level === 1 || !current) {
      current = el('li', {}, [link]);
      top.push(current);
    } else {
      let sub = current.children.find((c): c is Element => c.type === 'element' && c.tagName === 'ol');
      if (!sub) {
        sub = el('ol', {}, []);
        current.children.push(sub);
      }
      sub.children.push(el('li', {}, [link]));
    }
  }
  if (costing) top.push(el('li', {}, [el('a', { href: '#costing-annex' }, [txt('Costing annex')])]));
  return el('nav', { className: ['contents'], ariaLabelledBy: ['contents'] }, [
    el('h1', { id: 'contents' }, [txt('Contents')]),
    el('ol', {}, top),
  ]);
}

function tableHast(header: string[], rows: string[][], caption: string): Element {
  return el('table', {}, [
    el('caption', {}, [txt(caption)]),
    el('thead', {}, [el('tr', {}, header.map((h) => el('th', { scope: 'col' }, [txt(h)])))]),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((v) => el('td', {}, [txt(v)]))))),
  ]);
}

function annexHast(c: CostingSummary): Element {
  const m = costingAnnexModel(c);
  return el('section', { className: ['annex'], ariaLabelledBy: ['costing-annex'] }, [
    el('h1', { id: 'costing-annex' }, [txt('Costing annex')]),
    ...m.intro.map((t) => el('p', {}, [txt(t)])),
    el('h2', { id: 'costing-annex-rows' }, [txt('Costed provision')]),
    tableHast(m.rowHeader, m.rows, 'Costed provision'),
    el('h2', { id: 'costing-annex-totals' }, [txt('Totals and funding level')]),
    tableHast(m.totalsHeader, m.totals, 'Totals and funding level'),
    ...m.notes.map((t) => el('p', {}, [txt(t)])),
  ]);
}

// ------------------------------------------------------------------------------------------------
// Styles

const FONT_WEIGHTS: Record<FontStyle, { weight: number; style: 'normal' | 'italic' }> = {
  regular: { weight: 400, style: 'normal' },
  italic: { weight: 400, style: 'italic' },
  bold: { weight: 700, style: 'normal' },
  boldItalic: { weight: 700, style: 'italic' },
};

let embeddedFontCss: string | null = null;

function fontFaces(baseUri?: string): string {
  if (!baseUri && embeddedFontCss) return embeddedFontCss;
  const fonts = baseUri ? null : loadFonts();
  const css = (Object.keys(FONT_WEIGHTS) as FontStyle[])
    .map((s) => {
      const w = FONT_WEIGHTS[s];
      const file = FONT_FILES[s].split('/')[1] ?? '';
      const src = fonts
        ? `url(data:font/ttf;base64,${fonts[s].toString('base64')}) format("truetype")`
        : `url("${(baseUri ?? '').replace(/\/$/, '')}/${file}") format("truetype")`;
      return `@font-face{font-family:"${FONT_FAMILY}";font-style:${w.style};font-weight:${w.weight};font-display:swap;src:${src};}`;
    })
    .join('\n');
  if (!baseUri) embeddedFontCss = css;
  return css;
}

function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\n\r]/g, ' ').replace(/</g, '\\3c ')}"`;
}

function stylesheet(prep: PreparedPlan, fontCss: string): string {
  return `${fontCss}
:root{--text:#1a1a1a;--head:#14365f;--link:#0b4f9c;--muted:#4d4d4d;--rule:#7f8fa6;--thbg:#e4ebf5;}
*{box-sizing:border-box;}
html{font-family:"${FONT_FAMILY}",Verdana,Arial,sans-serif;font-size:100%;color:var(--text);background:#fff;}
body{margin:0 auto;max-width:52rem;padding:1.5rem 1.25rem 4rem;line-height:1.5;font-size:1.0625rem;}
h1,h2,h3,h4,h5,h6{color:var(--head);line-height:1.25;margin:1.6em 0 .5em;}
h1{font-size:1.65rem;border-bottom:2px solid var(--rule);padding-bottom:.2em;}
h2{font-size:1.35rem;}h3{font-size:1.15rem;}h4,h5,h6{font-size:1.05rem;}
a{color:var(--link);text-decoration:underline;}
a:focus{outline:3px solid #ffbf47;outline-offset:1px;}
p{margin:.4em 0 .7em;}
ul,ol{padding-left:1.6em;}li{margin:.2em 0;}
blockquote{margin:.8em 0;padding:.1em 1em;border-left:4px solid var(--rule);}
table{border-collapse:collapse;width:100%;margin:.6em 0 1.2em;font-size:.95rem;}
caption{text-align:left;font-weight:700;padding:.3em 0;}
th,td{border:1px solid var(--rule);padding:.35em .45em;vertical-align:top;text-align:left;overflow-wrap:anywhere;}
thead th,th[scope=row]{background:var(--thbg);}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;}
.cover .la{font-weight:700;color:var(--muted);}
.cover .draft-note{font-weight:700;color:#8a1c1c;font-size:1.2rem;}
.cover .note{color:var(--muted);font-size:.95rem;}
.facts th{width:42%;}
.contents ol{list-style:none;padding-left:0;}
.contents ol ol{padding-left:1.4em;}
.contents>ol>li{margin-top:.5em;font-weight:700;}
.contents ol ol li{font-weight:400;}
.running-header{display:none;}
.watermark{display:none;}
.status-draft .watermark{display:block;position:fixed;top:40%;left:0;right:0;text-align:center;font-size:8rem;font-weight:700;
  color:rgba(122,0,0,.08);transform:rotate(-45deg);pointer-events:none;z-index:-1;user-select:none;}
@media print{
  @page{size:A4;margin:28mm 21mm 24mm 21mm;
    @top-left{content:${cssString(prep.runningHeader)};font-family:"${FONT_FAMILY}",sans-serif;font-size:9.5pt;color:#4d4d4d;}
    @bottom-center{content:"Page " counter(page) " of " counter(pages);font-family:"${FONT_FAMILY}",sans-serif;font-size:10pt;color:#4d4d4d;}}
  @page :first{@top-left{content:none;}}
  body{max-width:none;padding:0;font-size:12pt;line-height:1.45;}
  h1{font-size:20pt;}h2{font-size:16pt;}h3{font-size:13.5pt;}
  h1,h2,h3,h4,h5,h6{break-after:avoid;page-break-after:avoid;}
  p,li{orphans:2;widows:2;}
  table{font-size:10.5pt;}
  thead{display:table-header-group;}
  tr,th,td{break-inside:avoid;page-break-inside:avoid;}
  .cover{break-after:page;page-break-after:always;}
  .contents{break-after:page;page-break-after:always;}
  .annex{break-before:page;page-break-before:always;}
  a{color:var(--text);}
}
`;
}

// ------------------------------------------------------------------------------------------------

interface Built {
  title: string;
  css: string;
  body: Element;
}

function build(plan: Plan, costing: CostingSummary | null, fontCss: string): Built {
  const prep = prepare(plan);
  const bodyKids: ElementContent[] = [];
  if (prep.draft) bodyKids.push(el('div', { className: ['watermark'], ariaHidden: 'true' }, [txt('DRAFT')]));
  bodyKids.push(coverHast(prep, plan.meta.localAuthority?.value ?? null));
  bodyKids.push(contentsHast(prep, !!costing));
  bodyKids.push(el('main', {}, bodyHast(prep)));
  if (costing) bodyKids.push(annexHast(costing));
  const body = el('body', prep.draft ? { className: ['status-draft'] } : {}, bodyKids);
  return { title: prep.title, css: stylesheet(prep, fontCss), body };
}

function documentHtml(b: Built, csp: string, styleNonce?: string): string {
  const head = el('head', {}, [
    el('meta', { charSet: 'utf-8' }),
    el('meta', { httpEquiv: ['Content-Security-Policy'], content: csp }),
    el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    el('meta', { name: 'referrer', content: 'no-referrer' }),
    el('meta', { name: 'generator', content: 'EHCP Toolkit' }),
    el('title', {}, [txt(b.title)]),
    el('style', styleNonce ? { nonce: styleNonce } : {}, [txt(b.css)]),
  ]);
  const root: HastRoot = {
    type: 'root',
    children: [{ type: 'doctype' }, el('html', { lang: DOCUMENT_LANG }, [head, b.body])],
  };
  return `${unified().use(rehypeStringify, { allowDangerousCharacters: false }).stringify(root)}\n`;
}

function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/** One self-contained, script-free HTML file for the plan. Deterministic: same plan, same text. */
export function exportHtml(plan: Plan, options: HtmlExportOptions = {}): string {
  const b = build(plan, options.costing ?? null, fontFaces());
  const csp = [
    "default-src 'none'",
    `style-src ${styleHash(b.css)}`,
    'font-src data:',
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return documentHtml(b, csp);
}

/** The plan as HTML for a VS Code webview: no scripts, a CSP that allows only the webview's own styles and fonts. */
export function previewHtml(plan: Plan, options: PreviewHtmlOptions): string {
  const b = build(plan, options.costing ?? null, fontFaces(options.fontBaseUri));
  const styleSrc = options.nonce ? `'nonce-${options.nonce}'` : styleHash(b.css);
  const csp = [
    "default-src 'none'",
    `style-src ${options.cspSource} ${styleSrc}`,
    `font-src ${options.cspSource} data:`,
    `img-src ${options.cspSource} data:`,
    "script-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return documentHtml(b, csp, options.nonce);
}

/** The document title an exporter uses (for window titles and result messages). */
export function exportTitle(plan: Plan): string {
  return prepare(plan).title;
}
