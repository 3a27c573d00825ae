/**
 * Turns ajv's errors into messages a caseworker understands, each placed on the exact YAML/JSON node:
 * the key for unknown or missing keys, the value for bad values. Used for plan front matter, config
 * files and funding schemes alike.
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';

// ajv and ajv-formats are CommonJS; under ESM interop the class may sit on `.default`.
type AjvClass = typeof Ajv2020Module;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvClass }).default ?? Ajv2020Module) as AjvClass;
type AddFormats = typeof addFormatsModule.default;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as AddFormats;

export interface SchemaProblem {
  /** Path of map keys/indexes to the node the problem belongs to. */
  path: (string | number)[];
  /** Whether the problem sits on the key (unknown/missing key) or the value. */
  on: 'key' | 'value' | 'parent';
  message: string;
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv, ['date', 'date-time', 'uri']);

export function compileSchema(schema: object): ValidateFunction {
  return ajv.compile(schema);
}

/** The parts of a JSON Schema the explanations read (schemas are imported JSON, so loosely typed). */
export type JsonSchema = { properties?: Record<string, object>; description?: string; items?: object };

export function explainErrors(validate: ValidateFunction, data: unknown, schema: JsonSchema): SchemaProblem[] {
  if (validate(data)) return [];
  const errors = pruneErrors(validate.errors ?? []);
  return errors.map((error) => explain(error, data, schema));
}

/** Keeps one problem per place: ajv reports `if`/`anyOf` noise alongside the real cause. */
function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (['if', 'anyOf', 'oneOf', 'allOf', 'not'].includes(error.keyword)) return false;
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function dotted(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let node: unknown = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function schemaAt(schema: JsonSchema, path: (string | number)[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = schema;
  for (const key of path) node = (typeof key === 'number' ? node?.items : node?.properties?.[key]) as JsonSchema | undefined;
  return node;
}

function show(value: unknown): string {
  if (typeof value === 'string') return `\`${value}\``;
  if (value === null) return 'empty';
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a group of keys';
  return `\`${String(value)}\``;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a group of keys (indented underneath it)',
  array: 'a list',
};

function explain(error: ErrorObject, data: unknown, schema: JsonSchema): SchemaProblem {
  const path = pathOf(error.instancePath);
  const name = dotted(path) || 'The front matter';
  const value = valueAt(data, path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperty':
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys(schemaAt(schema, path)?.properties ?? {});
      const suggestion = closest(key, known);
      const where = path.length ? ` under \`${dotted(path)}\`` : '';
      return {
        path: [...path, key],
        on: 'key',
        message: `\`${key}\` is not a recognised key${where}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ` Recognised keys: ${known.join(', ')}.`}`,
      };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const description = schemaAt(schema, [...path, missing])?.description;
      const where = path.length ? `\`${dotted(path)}\` needs` : 'The front matter needs';
      return { path, on: path.length ? 'key' : 'parent', message: `${where} a \`${missing}\` key${description ? `: ${lowerFirst(description)}` : '.'}` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String).join(', ');
      return { path, on: 'value', message: `\`${name}\` must be one of ${allowed}, not ${show(value)}.` };
    }
    case 'const':
      return { path, on: 'value', message: `\`${name}\` must be ${String(params.allowedValue)}, not ${show(value)}.` };
    case 'type': {
      const want = String(params.type).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');
      return { path, on: 'value', message: `\`${name}\` must be ${want}, not ${show(value)}.` };
    }
    case 'format':
      return params.format === 'date'
        ? { path, on: 'value', message: `\`${name}\` must be a real date written YYYY-MM-DD, not ${show(value)}.` }
        : { path, on: 'value', message: `\`${name}\` is not a valid ${String(params.format)}: ${show(value)}.` };
    case 'minimum':
    case 'maximum': {
      const field = schemaAt(schema, path) as { minimum?: number; maximum?: number } | undefined;
      const range = field?.minimum !== undefined && field?.maximum !== undefined ? `between ${field.minimum} and ${field.maximum}` : `${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}`;
      return { path, on: 'value', message: `\`${name}\` must be ${range}, not ${show(value)}.` };
    }
    case 'minLength':
      return { path, on: 'value', message: `\`${name}\` must not be empty.` };
    case 'minItems':
      return { path, on: 'value', message: `\`${name}\` needs at least ${String(params.limit)} item(s).` };
    case 'pattern':
      return { path, on: 'value', message: `\`${name}\` is not in the expected form: ${show(value)}.` };
    case 'exclusiveMinimum':
      return { path, on: 'value', message: `\`${name}\` must be more than ${String(params.limit)}, not ${show(value)}.` };
    default:
      return { path, on: 'value', message: `\`${name}\` ${error.message ?? 'is not valid'}.` };
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The known key closest to a mistyped one (edit distance at most a third of its length). */
export function closest(word: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
