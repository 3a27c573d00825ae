/** The JSON report: exactly the documented shape, streamed file by file. */
import type { Finding } from '../../engine/index.js';
import type { Formatter } from './types.js';
import { UNREADABLE_RULE } from './types.js';

export function diagnosticJson(finding: Finding): object {
  return {
    rule: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: finding.range.start.line,
    column: finding.range.start.column,
    endLine: finding.range.end.line,
    endColumn: finding.range.end.column,
  };
}

export function jsonFormatter(): Formatter {
  let first = true;
  return {
    begin: () => '{"files":[',
    file(outcome) {
      const diagnostics =
        outcome.kind === 'plan'
          ? outcome.findings.map(diagnosticJson)
          : [{ rule: UNREADABLE_RULE, severity: 'error', message: outcome.message, line: 1, column: 1, endLine: 1, endColumn: 1 }];
      const text = `${first ? '' : ','}${JSON.stringify({ path: outcome.display, diagnostics })}`;
      first = false;
      return text;
    },
    end: (s) => `],"summary":${JSON.stringify({ files: s.files, plans: s.plans, skipped: s.skipped, errors: s.errors, warnings: s.warnings, infos: s.infos })}}\n`,
  };
}
