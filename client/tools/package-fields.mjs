#!/usr/bin/env node
// Usage (from the repo root): flock /tmp/npm.lock node client/tools/package-fields.mjs package.json
// Writes the package.json fields owned by the client helper (contributes, activationEvents, capabilities,
// categories, keywords). Run under `flock /tmp/npm.lock` so it never races npm.
import { readFileSync, writeFileSync } from 'node:fs';
const file = process.argv[2];
const pkg = JSON.parse(readFileSync(file, 'utf8'));
const cmd = (command, title, extra = {}) => ({ command, title, category: 'EHCP', ...extra });
const isPlanMd = 'editorLangId == markdown';
pkg.categories = ['Linters', 'Snippets', 'Other'];
pkg.keywords = ['EHCP', 'SEND', 'SEN', 'education health and care plan', 'special educational needs', 'local authority', 'markdown', 'linter', 'costing'];
pkg.activationEvents = ['onLanguage:markdown'];
pkg.capabilities = {
  untrustedWorkspaces: {
    supported: 'limited',
    description:
      'In Restricted Mode plans are still checked, but workspace settings that point at funding scheme files are ignored, regular expressions from a workspace .ehcprc are not run, and exporting (which writes files) is disabled until you trust the folder.',
    restrictedConfigurations: ['ehcp.fundingSchemes'],
  },
  virtualWorkspaces: {
    supported: false,
    description: 'The EHCP language server reads plans, configuration and funding schemes from disk.',
  },
};
pkg.contributes = {
  commands: [
    cmd('ehcp.newPlan', 'New plan from template', { icon: '$(new-file)' }),
    cmd('ehcp.showCosting', 'Show costing', { icon: '$(symbol-number)' }),
    cmd('ehcp.lintWorkspace', 'Lint workspace'),
    cmd('ehcp.openRuleDocs', 'Open rule docs', { icon: '$(book)' }),
    cmd('ehcp.exportPdf', 'Export to PDF'),
    cmd('ehcp.exportHtml', 'Export to HTML'),
    cmd('ehcp.openPreview', 'Open preview to the side', { icon: '$(open-preview)' }),
    cmd('ehcp.restartServer', 'Restart language server'),
  ],
  menus: {
    commandPalette: [
      { command: 'ehcp.showCosting', when: isPlanMd },
      { command: 'ehcp.exportPdf', when: `${isPlanMd} && isWorkspaceTrusted` },
      { command: 'ehcp.exportHtml', when: `${isPlanMd} && isWorkspaceTrusted` },
      { command: 'ehcp.openPreview', when: isPlanMd },
    ],
    'editor/title': [
      { command: 'ehcp.openPreview', when: `${isPlanMd} && ehcp.isPlan`, group: 'navigation' },
    ],
    'editor/context': [
      { command: 'ehcp.showCosting', when: `${isPlanMd} && ehcp.isPlan`, group: 'ehcp@1' },
      { command: 'ehcp.exportPdf', when: `${isPlanMd} && ehcp.isPlan && isWorkspaceTrusted`, group: 'ehcp@2' },
      { command: 'ehcp.exportHtml', when: `${isPlanMd} && ehcp.isPlan && isWorkspaceTrusted`, group: 'ehcp@3' },
    ],
  },
  configuration: {
    title: 'EHCP',
    properties: {
      'ehcp.enable': {
        type: 'boolean',
        default: true,
        scope: 'resource',
        description: 'Check EHCP plans (Markdown files with `ehcp:` front matter or named `*.ehcp.md`). Other Markdown is never touched.',
      },
      'ehcp.rules': {
        type: 'object',
        default: {},
        scope: 'resource',
        markdownDescription:
          'Severity overrides by rule id, e.g. `{ "provision-hedge": "error", "outcome-count": "off" }`. These apply on top of the `rules` of a `.ehcprc.json`. Each rule is documented under **EHCP: Open rule docs**.',
        additionalProperties: { type: 'string', enum: ['error', 'warning', 'info', 'off'] },
      },
      'ehcp.fundingSchemes': {
        type: 'array',
        default: [],
        scope: 'resource',
        items: { type: 'string' },
        markdownDescription:
          'Extra funding scheme files or folders (JSON or YAML, see `schemas/funding-scheme.schema.json`), absolute or relative to the workspace folder. The bundled schemes `example-banded` and `example-incremental` are always available. Ignored in Restricted Mode.',
      },
      'ehcp.asOf': {
        type: 'string',
        default: '',
        scope: 'resource',
        pattern: '^(\\d{4}-\\d{2}-\\d{2})?$',
        patternErrorMessage: 'An ISO date, e.g. 2026-11-01, or empty for today.',
        markdownDescription: 'The date the statutory-timescale rules judge against (ISO `YYYY-MM-DD`). Empty means today.',
      },
      'ehcp.trace.server': {
        type: 'string',
        enum: ['off', 'messages', 'verbose'],
        default: 'off',
        scope: 'window',
        description: 'Log the messages between VS Code and the EHCP language server (to the "EHCP Language Server" output).',
      },
    },
  },
  jsonValidation: [
    { fileMatch: ['.ehcprc.json', '.ehcprc'], url: './schemas/config.schema.json' },
    { fileMatch: ['*.funding.json', '/templates/funding/*.json'], url: './schemas/funding-scheme.schema.json' },
  ],
  // Not a built-in VS Code contribution point: read by the Red Hat YAML extension (redhat.vscode-yaml) when
  // it is installed, which then validates .ehcprc.yaml and YAML funding schemes; without it VS Code ignores it.
  yamlValidation: [
    { fileMatch: ['.ehcprc.yaml', '.ehcprc.yml'], url: './schemas/config.schema.json' },
    { fileMatch: ['*.funding.yaml', '*.funding.yml', '/templates/funding/*.yaml'], url: './schemas/funding-scheme.schema.json' },
  ],
  snippets: [{ language: 'markdown', path: './client/snippets/ehcp.json' }],
  walkthroughs: [
    {
      id: 'ehcp.gettingStarted',
      title: 'Writing EHCPs with the EHCP Toolkit',
      description: 'For new caseworkers: from a blank template to a specific, costed, accessible plan.',
      steps: [
        {
          id: 'newPlan',
          title: 'Start a plan from a template',
          description:
            'Every plan starts from a template for the child\'s stage: early years, primary, secondary, Year 9+ with preparing for adulthood, post-16, or an annual-review amendment.\n[New plan from template](command:ehcp.newPlan)',
          media: { markdown: 'docs/walkthrough/new-plan.md' },
          completionEvents: ['onCommand:ehcp.newPlan'],
        },
        {
          id: 'measurableOutcome',
          title: 'Write a measurable outcome',
          description:
            'An outcome in Section E says what the child will be able to do, by when, and how you will know. The checker flags outcomes that are vague, not time-bound or really provision.\n[Open the outcome rules](command:ehcp.openRuleDocs)',
          media: { markdown: 'docs/walkthrough/measurable-outcome.md' },
        },
        {
          id: 'specifyingProvision',
          title: 'Specify the provision',
          description:
            'Section F must say exactly what support the child gets: what, who, how often, how long, in what group. "Access to" and "where possible" are not provision.',
          media: { markdown: 'docs/walkthrough/specifying-provision.md' },
        },
        {
          id: 'goldenThread',
          title: 'Read the golden thread',
          description:
            'Each need in Section B should lead to an outcome in E and provision in F that serves it. Hover an outcome id to see the rows that serve it; the code lens shows how many.',
          media: { markdown: 'docs/walkthrough/golden-thread.md' },
        },
        {
          id: 'costing',
          title: 'Cost the provision',
          description:
            'The toolkit costs each row from the funding scheme\'s rate card and checks the declared funding level.\n[Show costing](command:ehcp.showCosting)',
          media: { markdown: 'docs/walkthrough/costing.md' },
          completionEvents: ['onCommand:ehcp.showCosting'],
        },
        {
          id: 'exporting',
          title: 'Preview and export',
          description:
            'Families and schools receive the plan as an accessible, tagged PDF or a single HTML file, made on this computer with no upload.\n[Open preview](command:ehcp.openPreview)',
          media: { markdown: 'docs/walkthrough/exporting.md' },
          completionEvents: ['onCommand:ehcp.exportPdf', 'onCommand:ehcp.exportHtml', 'onCommand:ehcp.openPreview'],
        },
      ],
    },
  ],
};
writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
console.log('package.json fields written');
