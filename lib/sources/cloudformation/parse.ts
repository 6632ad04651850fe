import { visit, parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import {
  LineCounter,
  parseDocument,
  isMap,
  isPair,
  isScalar,
  type Scalar as YamlScalar,
  type ScalarTag,
  type CollectionTag,
} from 'yaml';
import { InputError } from '../../errors';
import type { SourceLocation } from '../../graph/resource';

/** A template as read from a file, with the declaration line of each resource. */
export interface ParsedTemplate {
  readonly file: string;
  readonly body: Record<string, unknown>;
  /** Where a resource is declared; computed on first use (only findings need it). */
  locate(logicalId: string): SourceLocation;
}

/** Reject content that is empty or not text, naming the file. */
export function checkText(file: string, buf: Buffer): string {
  if (buf.subarray(0, 8192).includes(0)) {
    throw new InputError('BULWARK_BINARY_FILE', file, 'the file is binary, not a template (JSON or YAML)');
  }
  const text = buf.toString('utf8');
  if (!/\S/.test(text)) {
    throw new InputError(
      'BULWARK_EMPTY_FILE',
      file,
      'the file is empty; expected a CloudFormation template (JSON or YAML)',
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parse a JSON template, keeping resource declaration lines. */
export function parseJsonTemplate(file: string, text: string): ParsedTemplate {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
    const e = errors[0];
    const where = e ? lineCol(text, e.offset) : undefined;
    const what = e
      ? describeJsonError(printParseErrorCode(e.error), e.offset >= text.trimEnd().length)
      : 'invalid JSON';
    throw new InputError(
      'BULWARK_TEMPLATE_PARSE',
      where ? `${file}:${where.line}:${where.column}` : file,
      what,
    );
  }
  let locations: Map<string, SourceLocation> | undefined;
  const locate = (logicalId: string): SourceLocation => {
    if (!locations) {
      const found = new Map<string, SourceLocation>();
      visit(text, {
        onObjectProperty(property, _offset, _length, startLine, startCharacter, pathSupplier) {
          const p = pathSupplier();
          if (p.length === 1 && p[0] === 'Resources') {
            found.set(property, { file, line: startLine + 1, column: startCharacter + 1 });
          }
        },
      });
      locations = found;
    }
    return locations.get(logicalId) ?? { file };
  };
  return { file, body: asTemplateObject(file, body), locate };
}

function describeJsonError(code: string, atEnd: boolean): string {
  if (atEnd) return 'the JSON ends early (truncated file?)';
  return `invalid JSON (${code})`;
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

// YAML short forms of intrinsic functions. Each becomes the long form ({ "Fn::X": ... }).
const FN_TAGS: readonly [string, string][] = [
  ['Ref', 'Ref'],
  ['GetAtt', 'Fn::GetAtt'],
  ['Sub', 'Fn::Sub'],
  ['Join', 'Fn::Join'],
  ['Select', 'Fn::Select'],
  ['Split', 'Fn::Split'],
  ['If', 'Fn::If'],
  ['FindInMap', 'Fn::FindInMap'],
  ['Base64', 'Fn::Base64'],
  ['GetAZs', 'Fn::GetAZs'],
  ['ImportValue', 'Fn::ImportValue'],
  ['Cidr', 'Fn::Cidr'],
  ['Equals', 'Fn::Equals'],
  ['And', 'Fn::And'],
  ['Or', 'Fn::Or'],
  ['Not', 'Fn::Not'],
  ['Condition', 'Condition'],
  ['Transform', 'Fn::Transform'],
  ['Length', 'Fn::Length'],
  ['ToJsonString', 'Fn::ToJsonString'],
];

function yamlTags(): (ScalarTag | CollectionTag)[] {
  const tags: (ScalarTag | CollectionTag)[] = [];
  for (const [short, long] of FN_TAGS) {
    const tag = `!${short}`;
    tags.push({
      tag,
      identify: () => false,
      resolve: (str: string) => {
        if (short === 'GetAtt') {
          const i = str.indexOf('.');
          return { [long]: i < 0 ? [str] : [str.slice(0, i), str.slice(i + 1)] };
        }
        return { [long]: str };
      },
    } as ScalarTag);
    for (const collection of ['seq', 'map'] as const) {
      tags.push({
        tag,
        collection,
        identify: () => false,
        resolve: (node: unknown) => ({ [long]: (node as { toJSON(): unknown }).toJSON() }),
      } as unknown as CollectionTag);
    }
  }
  return tags;
}

let cachedTags: (ScalarTag | CollectionTag)[] | undefined;

/** Parse a YAML template, accepting the `!Ref`/`!GetAtt`/`!Sub`... short forms. */
export function parseYamlTemplate(file: string, text: string): ParsedTemplate {
  const lineCounter = new LineCounter();
  cachedTags ??= yamlTags();
  const doc = parseDocument(text, {
    customTags: cachedTags,
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    const pos = lineCounter.linePos(problem.pos[0]);
    const msg =
      problem.code === 'TAG_RESOLVE_FAILED'
        ? unknownTagMessage(problem.message)
        : problem.message.split('\n')[0];
    throw new InputError('BULWARK_TEMPLATE_PARSE', `${file}:${pos.line}:${pos.col}`, `invalid YAML: ${msg}`);
  }
  const body = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const locations = new Map<string, SourceLocation>();
  const root = doc.contents;
  if (isMap(root)) {
    const resources = root.items.find(
      (p) => isPair(p) && isScalar(p.key) && (p.key as YamlScalar).value === 'Resources',
    );
    if (resources && isMap(resources.value)) {
      for (const item of resources.value.items) {
        if (isScalar(item.key) && item.key.range) {
          const pos = lineCounter.linePos(item.key.range[0]);
          locations.set(String(item.key.value), { file, line: pos.line, column: pos.col });
        }
      }
    }
  }
  return { file, body: asTemplateObject(file, body), locate: (id) => locations.get(id) ?? { file } };
}

function unknownTagMessage(message: string): string {
  const m = /tag:? (!\S+)/.exec(message);
  return m
    ? `unknown tag ${m[1]} (CloudFormation short forms are !Ref, !GetAtt, !Sub, !Join, !Select, !If, ...)`
    : message;
}

function asTemplateObject(file: string, body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError(
      'BULWARK_TEMPLATE_INVALID',
      file,
      'not a CloudFormation template: the top level is not an object',
    );
  }
  const t = body as Record<string, unknown>;
  if (t.Resources === undefined) {
    throw new InputError(
      'BULWARK_TEMPLATE_INVALID',
      file,
      'not a CloudFormation template: it has no `Resources` section',
    );
  }
  if (typeof t.Resources !== 'object' || t.Resources === null || Array.isArray(t.Resources)) {
    throw new InputError(
      'BULWARK_TEMPLATE_INVALID',
      file,
      '`Resources` must be an object of logical id -> resource',
    );
  }
  const resources = t.Resources as Record<string, unknown>;
  for (const id in resources) {
    if (id.startsWith('Fn::ForEach::')) continue; // a loop of the language extensions (foreach.ts)
    const r = resources[id];
    if (typeof r !== 'object' || r === null || typeof (r as { Type?: unknown }).Type !== 'string') {
      throw new InputError('BULWARK_TEMPLATE_INVALID', file, `resource \`${id}\` has no \`Type\``);
    }
  }
  return t;
}
