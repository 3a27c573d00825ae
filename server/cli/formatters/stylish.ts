/** The terminal report: findings grouped by file, aligned columns, a one-line total. */
import type { Formatter, FormatterOptions } from './types.js';

const COLOURS = { red: 31, yellow: 33, cyan: 36, grey: 90, bold: 1, underline: 4 } as const;

export function stylishFormatter(options: FormatterOptions): Formatter {
  const paint = (colour: keyof typeof COLOURS, text: string): string => (options.colour ? `\u001b[${COLOURS[colour]}m${text}\u001b[0m` : text);
  const label = { error: paint('red', 'error'), warning: paint('yellow', 'warning'), info: paint('cyan', 'info') };
  return {
    begin: () => '',
    file(outcome) {
      if (outcome.kind === 'unreadable') return `\n${paint('underline', outcome.display)}\n  ${label.error}  ${outcome.message}  ${paint('grey', 'file-unreadable')}\n`;
      if (outcome.findings.length === 0) return '';
      const rows = outcome.findings.map((f) => [`${f.range.start.line}:${f.range.start.column}`, f.severity, f.message, f.ruleId] as const);
      const posWidth = Math.max(...rows.map((r) => r[0].length));
      const lines = rows.map(([pos, severity, message, rule]) => `  ${paint('grey', pos.padEnd(posWidth))}  ${label[severity]}${' '.repeat(8 - severity.length)}${message}  ${paint('grey', rule)}`);
      const suppressed = outcome.suppressed.length ? `\n  ${paint('grey', `(${outcome.suppressed.length} finding(s) switched off by suppression comments)`)}` : '';
      return `\n${paint('underline', outcome.display)}\n${lines.join('\n')}${suppressed}\n`;
    },
    end(s) {
      const total = s.errors + s.warnings + s.infos;
      const plans = `${s.plans} plan${s.plans === 1 ? '' : 's'} checked`;
      const skipped = s.skipped ? `, ${s.skipped} non-plan Markdown file${s.skipped === 1 ? '' : 's'} skipped` : '';
      const unreadable = s.unreadable ? `, ${s.unreadable} file${s.unreadable === 1 ? '' : 's'} could not be read` : '';
      const suppressed = s.suppressed ? `, ${s.suppressed} suppressed` : '';
      if (total === 0) return `\n${paint('bold', `No problems found`)} (${plans}${skipped}${unreadable}${suppressed}).\n`;
      const headline = `${total} problem${total === 1 ? '' : 's'} (${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info)`;
      return `\n${paint(s.errors ? 'red' : 'yellow', paint('bold', headline))} in ${plans}${skipped}${unreadable}${suppressed}.\n`;
    },
  };
}
