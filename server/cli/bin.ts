/** Entry point of the bundled CLI (dist/ehcp.cjs). */
import { runCli, terminalIo } from './main.js';

runCli(process.argv.slice(2), terminalIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ehcp: an unexpected error stopped the run: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
