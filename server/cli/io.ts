/** What a CLI command gets from the terminal; injected so tests can run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal (colour, default formats). */
  isTty: boolean;
  cwd: string;
}

/** A command returns its exit code: 0 ok, 1 findings over the threshold, 2 usage/config/read errors. */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>;
