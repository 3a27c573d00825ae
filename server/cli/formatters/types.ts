import type { FileOutcome } from '../lint-file.js';

export interface Summary {
  files: number;
  plans: number;
  skipped: number;
  errors: number;
  warnings: number;
  infos: number;
  unreadable: number;
  suppressed: number;
}

/** A report format. `file` is called once per plan or unreadable file, in input order, so output can stream. */
export interface Formatter {
  begin(): string;
  file(outcome: Exclude<FileOutcome, { kind: 'skipped' }>): string;
  end(summary: Summary): string;
}

export interface FormatterOptions {
  colour: boolean;
  toolVersion: string;
}

export const UNREADABLE_RULE = 'file-unreadable';
