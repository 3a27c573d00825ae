/**
 * Finding and reading `.ehcprc.json` / `.ehcprc.yaml`: walk up from each plan's folder, nearest wins.
 * Both formats are read with the YAML parser (JSON is YAML), so every problem has a line and column.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import configSchema from '../../../schemas/config.schema.json';
import type { EhcpConfig, ResolvedConfig } from './types.js';
import { DEFAULT_CONFIG } from './types.js';
import { compileSchema, explainErrors, closest } from '../schema/explain.js';
import { YamlLocator } from '../parse/frontmatter.js';
import { LineIndex } from '../parse/positions.js';
import { compileLexicon } from '../lexicon/index.js';

export const CONFIG_NAMES = ['.ehcprc.json', '.ehcprc.yaml', '.ehcprc.yml'];

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}:${column}: ${problem}`);
    this.name = 'ConfigError';
  }
}

const validateConfig = compileSchema(configSchema);

/** Reads and validates one config file; throws ConfigError with the position of the first problem. */
export function loadConfigFile(file: string, knownRuleIds: readonly string[]): ResolvedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new ConfigError(file, 1, 1, `The config file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
  return parseConfigText(text, file, knownRuleIds);
}

export function parseConfigText(text: string, file: string, knownRuleIds: readonly string[]): ResolvedConfig {
  const lines = new LineIndex(text);
  if (file.endsWith('.json')) checkStrictJson(text, file, lines);
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const fail = (offset: number, message: string): never => {
    const p = lines.positionAt(offset);
    throw new ConfigError(file, p.line, p.column, message);
  };
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    fail(error.pos[0], `The config file is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '')}`);
  }
  const data = (document.toJS() ?? {}) as unknown;
  const locate = new YamlLocator(document, 0, lines);
  const problems = explainErrors(validateConfig, data, configSchema);
  if (problems.length > 0) {
    const problem = problems[0]!;
    const keyPath = problem.path.filter((p): p is string => typeof p === 'string');
    const range = problem.on === 'key' ? locate.keyRange(keyPath) : locate.valueRange(problem.path);
    fail(range?.start.offset ?? 0, problem.message.replace('The front matter', 'The config file'));
  }
  const config = data as EhcpConfig;
  for (const id of Object.keys(config.rules ?? {})) {
    if (knownRuleIds.includes(id)) continue;
    const suggestion = closest(id, [...knownRuleIds]);
    fail(locate.keyRange(['rules', id])?.start.offset ?? 0, `\`${id}\` is not a rule.${suggestion ? ` Did you mean \`${suggestion}\`?` : ' Run `ehcp rules` to list the rules.'}`);
  }
  // A council's lexicon entries are checked now (a bad regular expression, a disable that names nothing),
  // so the mistake is reported where it was made, not silently left out when plans are checked.
  const lexiconProblem = compileLexicon({ add: config.lexicon?.add ?? [], disable: config.lexicon?.disable ?? [] }).problems[0];
  if (lexiconProblem) {
    fail(locate.keyRange(['lexicon'])?.start.offset ?? 0, `The lexicon entry "${lexiconProblem.entry}" is not usable: ${lexiconProblem.message}.`);
  }
  const base = path.dirname(file);
  return {
    rules: { ...(config.rules ?? {}) },
    areasOfNeed: config.areasOfNeed ?? [],
    fundingSchemePaths: (config.fundingSchemes ?? []).map((p) => path.resolve(base, p)),
    lexicon: { add: config.lexicon?.add ?? [], disable: config.lexicon?.disable ?? [] },
    source: file,
  };
}

/** Finds the nearest config file at or above a folder; cached per folder for caseload runs. */
export class ConfigFinder {
  private readonly fileForDir = new Map<string, string | null>();
  private readonly configForFile = new Map<string, ResolvedConfig>();

  constructor(private readonly knownRuleIds: readonly string[]) {}

  configFileFor(dir: string): string | null {
    const cached = this.fileForDir.get(dir);
    if (cached !== undefined) return cached;
    let found: string | null = null;
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) {
        found = candidate;
        break;
      }
    }
    if (found === null) {
      const parent = path.dirname(dir);
      found = parent === dir ? null : this.configFileFor(parent);
    }
    this.fileForDir.set(dir, found);
    return found;
  }

  /** The config for a plan file: nearest config file, or the defaults. Throws ConfigError. */
  configForPlan(planPath: string): ResolvedConfig {
    const file = this.configFileFor(path.dirname(path.resolve(planPath)));
    if (file === null) return DEFAULT_CONFIG;
    let config = this.configForFile.get(file);
    if (!config) {
      config = loadConfigFile(file, this.knownRuleIds);
      this.configForFile.set(file, config);
    }
    return config;
  }
}

/** A .json config must be JSON, not merely YAML that looks like it (no comments or trailing commas). */
function checkStrictJson(text: string, file: string, lines: LineIndex): void {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    const p = lines.positionAt(at);
    throw new ConfigError(file, p.line, p.column, `The config file is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')}. (JSON allows no comments or trailing commas; use .ehcprc.yaml for those.)`);
  }
}
