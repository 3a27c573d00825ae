/** JUnit XML: one test suite per plan, one failing test case per finding (a clean plan passes one case). */
import type { Formatter } from './types.js';

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

export function junitFormatter(): Formatter {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  return {
    begin: () => '',
    file(outcome) {
      const name = xml(outcome.display);
      if (outcome.kind === 'unreadable') {
        tests++;
        errors++;
        suites.push(`  <testsuite name="${name}" tests="1" failures="0" errors="1">\n    <testcase classname="${name}" name="read file">\n      <error message="${xml(outcome.message)}" type="file-unreadable"/>\n    </testcase>\n  </testsuite>`);
        return '';
      }
      const cases = outcome.findings.map((f) => {
        const where = `${f.range.start.line}:${f.range.start.column}`;
        return `    <testcase classname="${name}" name="${xml(`${f.ruleId} at ${where}`)}">\n      <failure message="${xml(f.message)}" type="${f.severity}">${xml(`${outcome.display}:${where} ${f.severity} ${f.message} (${f.ruleId})`)}</failure>\n    </testcase>`;
      });
      if (cases.length === 0) cases.push(`    <testcase classname="${name}" name="no findings"/>`);
      tests += cases.length;
      failures += outcome.findings.length;
      suites.push(`  <testsuite name="${name}" tests="${cases.length}" failures="${outcome.findings.length}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
      return '';
    },
    end: () => `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ehcp lint" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`,
  };
}
