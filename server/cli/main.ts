/** The `ehcp` command: a thin adapter that hands each sub-command its arguments and the terminal. */
import type { CliCommand, CliIo } from './io.js';
import { lintCommand, LINT_USAGE } from './commands/lint.js';
import { rulesCommand } from './commands/rules.js';
import { VERSION } from './version.js';

const USAGE = `Usage: ehcp <command> [options]

Commands:
  lint [paths...]      check plans for statutory structure, specific provision, measurable outcomes,
                       the golden thread, timescales and funding
  rules [ID]           list the rules, or explain one
  cost PLAN            cost a plan's provision and map it to its funding level
  funding PATHS        compare funding schemes across a caseload
  export PLAN...       export plans as accessible PDF or HTML

Run \`ehcp <command> --help\` for a command's options.
`;

type Loader = () => Promise<CliCommand>;

const COMMANDS: Record<string, Loader> = {
  lint: async () => lintCommand,
  rules: async () => rulesCommand,
  cost: async () => (await import('./commands/cost.js')).costCommand,
  funding: async () => (await import('./commands/funding.js')).fundingCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`ehcp: unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  if (name === 'lint' && (rest.includes('--help') || rest.includes('-h'))) {
    io.stdout(LINT_USAGE);
    return 0;
  }
  const command = await load();
  return command(rest, io);
}

export function terminalIo(): CliIo {
  // A reader that goes away (`ehcp lint . | head`) ends the run quietly, not with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
  };
}
