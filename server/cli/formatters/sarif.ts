/** SARIF 2.1.0, for code-scanning dashboards. Suppressed findings are included, marked as suppressed in source. */
import type { Finding } from '../../engine/index.js';
import { allRules } from '../../engine/index.js';
import type { Formatter, FormatterOptions } from './types.js';
import { UNREADABLE_RULE } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function sarifFormatter(options: FormatterOptions): Formatter {
  const ruleIndex = new Map(allRules.map((rule, i) => [rule.meta.id, i]));
  const results: object[] = [];
  const notifications: object[] = [];
  const result = (uri: string, finding: Finding, suppressed: boolean): object => ({
    ruleId: finding.ruleId,
    ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(uri) },
          region: { startLine: finding.range.start.line, startColumn: finding.range.start.column, endLine: finding.range.end.line, endColumn: finding.range.end.column },
        },
      },
    ],
    ...(suppressed ? { suppressions: [{ kind: 'inSource' }] } : {}),
  });
  return {
    begin: () => '',
    file(outcome) {
      if (outcome.kind === 'unreadable') {
        notifications.push({ level: 'error', message: { text: outcome.message }, descriptor: { id: UNREADABLE_RULE }, locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(outcome.display) } } }] });
        return '';
      }
      for (const f of outcome.findings) results.push(result(outcome.display, f, false));
      for (const f of outcome.suppressed) results.push(result(outcome.display, f, true));
      return '';
    },
    end() {
      const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: 'ehcp',
                version: options.toolVersion,
                rules: allRules.map((rule) => ({
                  id: rule.meta.id,
                  shortDescription: { text: rule.meta.description },
                  fullDescription: { text: `${rule.meta.description} Basis: ${rule.meta.basis}` },
                  defaultConfiguration: { level: LEVEL[rule.meta.defaultSeverity] },
                  properties: { category: rule.meta.category, sections: rule.meta.sections },
                })),
              },
            },
            columnKind: 'utf16CodeUnits',
            results,
            invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
          },
        ],
      };
      return `${JSON.stringify(log, null, 2)}\n`;
    },
  };
}
