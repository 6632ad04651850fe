import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
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
  /** Where a resource is declared. Holds no reference to the template's text or body. */
  readonly locate: (logicalId: string) => SourceLocation;
}

/**
 * Deepest nesting of objects and arrays a template may have. CloudFormation templates written by
 * tools or people stay far below it; deeper input is rejected before anything recurses over it.
 */
/** How the errors of a parsed value that is not a template begin. */
const NOT_A_TEMPLATE = 'not a CloudFormation template';

export const MAX_NESTING = 256;

/**
 * Decode a file's bytes to text: UTF-8 (with or without a byte-order mark), or UTF-16 when it
 * starts with a UTF-16 byte-order mark. Anything else that holds NUL bytes is rejected, naming the
 * encoding where it can be told (UTF-32, UTF-16 without a byte-order mark) and binary otherwise.
 */
export function decodeText(file: string, buf: Buffer): string {
  const b0 = buf[0];
  const b1 = buf[1];
  if (
    (b0 === 0xff && b1 === 0xfe && buf[2] === 0 && buf[3] === 0) ||
    (b0 === 0 && b1 === 0 && buf[2] === 0xfe && buf[3] === 0xff)
  ) {
    throw new InputError('BULWARK_ENCODING', file, 'the file is UTF-32; save it as UTF-8 (or UTF-16)');
  }
  let text: string;
  if (b0 === 0xff && b1 === 0xfe) {
    text = buf.subarray(2).toString('utf16le');
  } else if (b0 === 0xfe && b1 === 0xff) {
    const le = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1)));
    le.swap16();
    text = le.toString('utf16le');
  } else {
    if (buf.subarray(0, 8192).includes(0)) {
      if (looksLikeUtf16(buf)) {
        throw new InputError(
          'BULWARK_ENCODING',
          file,
          'the file looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a byte-order mark)',
        );
      }
      throw new InputError('BULWARK_BINARY_FILE', file, 'the file is binary, not a template (JSON or YAML)');
    }
    text = buf.toString('utf8');
  }
  if (text.includes('\u0000')) {
    throw new InputError(
      'BULWARK_BINARY_FILE',
      file,
      'the file holds NUL characters, not a template (JSON or YAML)',
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Whether {@link decodeText} reads bytes as UTF-8 and accepts them: no UTF-16 byte-order mark and no
 * NUL byte. Any prefix of such bytes then decodes to the start of the text, but for a byte-order
 * mark and a character cut at the end.
 */
export function isUtf8Text(buf: Buffer): boolean {
  const b0 = buf[0];
  const b1 = buf[1];
  return !((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) && !buf.includes(0);
}

/** Whether the first bytes read as ASCII text in UTF-16 (either byte order) without a byte-order mark. */
function looksLikeUtf16(buf: Buffer): boolean {
  const n = Math.min(buf.length, 64) & ~1;
  if (n < 4) return false;
  const text = (c: number) => c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c < 0x7f);
  let le = true;
  let be = true;
  for (let i = 0; i < n; i += 2) {
    le &&= text(buf[i]!) && buf[i + 1] === 0;
    be &&= buf[i] === 0 && text(buf[i + 1]!);
  }
  return le || be;
}

/** Reject content that is empty or not text, naming the file. */
export function checkText(file: string, buf: Buffer): string {
  const text = decodeText(file, buf);
  if (!/\S/.test(text)) {
    throw new InputError(
      'BULWARK_EMPTY_FILE',
      file,
      'the file is empty; expected a CloudFormation template (JSON or YAML)',
    );
  }
  return text;
}

/**
 * Parse a JSON template, keeping resource declaration lines. Duplicate keys are rejected. `bytes`,
 * when given, are the bytes the text was decoded from (see {@link decodeText}).
 */
export function parseJsonTemplate(file: string, text: string, bytes?: Buffer): ParsedTemplate {
  const { body, scan } = parseJsonScanned(file, text, bytes);
  return { file, body: asTemplateObject(file, body), locate: locator(file, scan.resources) };
}

/** Where a resource is declared, from the lines found for the template's resources. */
function locator(
  file: string,
  lines: ReadonlyMap<string, { line: number; column: number }>,
): (logicalId: string) => SourceLocation {
  return (logicalId) => {
    const at = lines.get(logicalId);
    return at ? { file, line: at.line, column: at.column } : { file };
  };
}

/**
 * The UTF-8 bytes of text decoded from `bytes` by {@link decodeText}: the bytes themselves, but for a
 * byte-order mark, when they are UTF-8 (where they hold a malformed sequence, the text has a
 * replacement character in its place, and all else equal); else the text encoded.
 */
function utf8Of(text: string, bytes: Buffer | undefined): Buffer {
  if (
    bytes === undefined ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff)
  )
    return Buffer.from(text, 'utf8');
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/**
 * One linear pass over the UTF-8 bytes of valid JSON text: the number of `:` outside strings (in
 * valid JSON, the number of object keys), and the line and column (1-based, in characters) of each
 * key of the top-level `Resources` object. The keys are decoded from the bytes: they hold no part of
 * the text.
 */
export function scanJson(bytes: Buffer): {
  keys: number;
  resources: Map<string, { line: number; column: number }>;
} {
  const resources = new Map<string, { line: number; column: number }>();
  const columns = new ColumnCounter(bytes);
  let keys = 0;
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  /** The top-level key whose value is being read. */
  let topKey: string | undefined;
  /** The last string seen, until the next structural character: a key when a `:` follows. */
  let open = -1;
  let close = -1;
  let openLine = 0;
  let openLineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 0x22 /* " */) {
      const end = closingQuote(bytes, i);
      if (end === -1) break;
      open = i;
      close = end;
      openLine = line;
      openLineStart = lineStart;
      i = end;
    } else if (c === 0x0a) {
      line++;
      lineStart = i + 1;
      // Indentation is a quarter of a pretty-printed template's bytes: pass over it at once.
      while (isIndent(bytes[i + 1])) i++;
    } else if (c === 0x3a /* : */) {
      keys++;
      if (open >= 0 && (depth === 1 || (depth === 2 && topKey === 'Resources'))) {
        const key = keyText(bytes, open + 1, close);
        if (depth === 1) topKey = key;
        else resources.set(key, { line: openLine, column: columns.at(openLineStart, open) });
      }
      open = -1;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      open = -1;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
      open = -1;
    } else if (c === 0x2c /* , */) open = -1;
  }
  return { keys, resources };
}

/**
 * Index of the quote that closes the string whose opening quote is at `open`, or -1. Quotes are found
 * by native search; one is escaped when an odd number of backslashes runs up to it (in valid JSON, a
 * backslash always starts an escape, and the opening quote stops the run).
 */
function closingQuote(bytes: Buffer, open: number): number {
  let end = open;
  for (;;) {
    end = bytes.indexOf(0x22 /* " */, end + 1);
    if (end === -1) return -1;
    let b = end - 1;
    while (bytes[b] === 0x5c /* \ */) b--;
    if ((end - 1 - b) % 2 === 0) return end;
  }
}

/**
 * Whether JSON text (as UTF-8 bytes) is an object naming one of `names` as a top-level key. Strings
 * are passed over whole, so a name inside a string or deeper in the value is not one; the scan stops
 * at the first such key. Text that does not begin with `{` (YAML, a list), after a byte-order mark,
 * names none.
 */
export function namesTopLevelKey(bytes: Buffer, names: readonly string[]): boolean {
  // After a UTF-8 byte-order mark, if any.
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (isJsonSpace(bytes[i])) i++;
  if (bytes[i] !== 0x7b /* { */) return false;
  let depth = 0;
  for (; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 0x22 /* " */) {
      const end = closingQuote(bytes, i);
      if (end === -1) return false;
      if (depth === 1) {
        let after = end + 1;
        while (isJsonSpace(bytes[after])) after++;
        if (bytes[after] === 0x3a /* : */ && names.includes(keyText(bytes, i + 1, end))) return true;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) depth++;
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

/** The text of the JSON string whose content is bytes `from` to `to`, its escapes read; '' when malformed. */
function keyText(bytes: Buffer, from: number, to: number): string {
  const raw = bytes.toString('utf8', from, to);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return '';
  }
}

/** Whether a byte is JSON white space: space, tab, line feed or carriage return. */
function isJsonSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Whether a byte is a space or a tab (`undefined` past the end is not). */
function isIndent(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09;
}

/**
 * Columns (1-based, in UTF-16 characters) of positions in UTF-8 bytes, asked in increasing order:
 * each counts on from the one before it on the same line, so a long line is counted once.
 */
class ColumnCounter {
  #lineStart = -1;
  #to = 0;
  #chars = 0;
  constructor(private readonly bytes: Buffer) {}

  /** The column of the byte at `at`, on the line that starts at `lineStart`. */
  at(lineStart: number, at: number): number {
    if (lineStart !== this.#lineStart) {
      this.#lineStart = lineStart;
      this.#to = lineStart;
      this.#chars = 0;
    }
    this.#chars += charsIn(this.bytes, this.#to, at);
    this.#to = at;
    return this.#chars + 1;
  }
}

/**
 * How many UTF-16 characters the bytes from `from` to `to` decode to, both ends next to an ASCII
 * byte (a decoder starts afresh after one, so the count is that of the whole text's decoding).
 */
function charsIn(bytes: Buffer, from: number, to: number): number {
  for (let i = from; i < to; i++) if (bytes[i]! >= 0x80) return bytes.toString('utf8', from, to).length;
  return to - from;
}

/** The number of `:` outside strings in JSON text (for valid JSON: the number of object keys). */
export function countKeySeparators(text: string): number {
  return scanJson(Buffer.from(text, 'utf8')).keys;
}

/**
 * Parse JSON text strictly: a syntax error names the line and column (and says when the text ends
 * early), a key given twice in one object is rejected, and nesting deeper than {@link MAX_NESTING}
 * is refused. `bytes`, when given, are the bytes the text was decoded from.
 */
export function parseJsonText(file: string, text: string, bytes?: Buffer): unknown {
  return parseJsonScanned(file, text, bytes).body;
}

/** {@link parseJsonText}, with what {@link scanJson} found in the text. */
function parseJsonScanned(
  file: string,
  text: string,
  bytes: Buffer | undefined,
): { body: unknown; scan: ReturnType<typeof scanJson> } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw jsonSyntaxError(file, text, e as Error);
  }
  const shape = measure(file, body);
  const scan = scanJson(utf8Of(text, bytes));
  // In valid JSON every `:` outside strings separates a key from its value: fewer keys in the
  // parsed value than that means a key was given twice and a later value replaced an earlier one.
  if (shape.keys !== scan.keys) throw duplicateKeyError(file, text);
  return { body, scan };
}

/** The error for text `JSON.parse` rejected, with the line and column of the first problem. */
function jsonSyntaxError(file: string, text: string, cause: Error): InputError {
  let offset: number | undefined;
  let what: string;
  try {
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
    const e = errors[0];
    offset = e?.offset;
    what = e
      ? describeJsonError(
          printParseErrorCode(e.error),
          e.offset >= text.trimEnd().length ||
            // A string still open at the end of the text (no line break after it): cut short.
            (printParseErrorCode(e.error) === 'UnexpectedEndOfString' &&
              !/[\r\n]/.test(text.slice(e.offset))),
        )
      : 'invalid JSON';
  } catch {
    // The locating parser recurses; on absurdly deep input use the position JSON.parse gives.
    const m = /at position (\d+)/.exec(cause.message);
    offset = m ? Number(m[1]) : /end of JSON input/i.test(cause.message) ? text.length : undefined;
    what =
      offset !== undefined && offset >= text.trimEnd().length
        ? 'the JSON ends early (truncated file?)'
        : 'invalid JSON';
  }
  const where = offset !== undefined ? lineCol(text, offset) : undefined;
  return new InputError(
    'BULWARK_TEMPLATE_PARSE',
    where ? `${file}:${where.line}:${where.column}` : file,
    what,
  );
}

/**
 * Walk a parsed value without recursion: count the keys of every object, and reject nesting deeper
 * than {@link MAX_NESTING} (later stages recurse over the value).
 */
export function measure(file: string, value: unknown): { keys: number } {
  let keys = 0;
  const stack: unknown[] = [value];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const v = stack.pop();
    const depth = depths.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_NESTING) throw tooDeep(file);
    if (Array.isArray(v)) {
      for (const item of v) {
        if (typeof item === 'object' && item !== null) {
          stack.push(item);
          depths.push(depth + 1);
        }
      }
    } else {
      const o = v as Record<string, unknown>;
      for (const k in o) {
        keys++;
        const item = o[k];
        if (typeof item === 'object' && item !== null) {
          stack.push(item);
          depths.push(depth + 1);
        }
      }
    }
  }
  return { keys };
}

function tooDeep(file: string): InputError {
  return new InputError(
    'BULWARK_TEMPLATE_INVALID',
    file,
    `objects and lists are nested more than ${MAX_NESTING} levels deep; no CloudFormation template needs that`,
  );
}

/** Index of the quote that closes the string opened at `open`, or -1. */
function stringEnd(text: string, open: number): number {
  let e = open;
  for (;;) {
    e = text.indexOf('"', e + 1);
    if (e === -1) return -1;
    let b = e - 1;
    while (text.charCodeAt(b) === 92) b--;
    if ((e - 1 - b) % 2 === 0) return e;
  }
}

/**
 * Find the first key given twice in one object of valid JSON text, and name it with its line and
 * column. Iterative, so nesting depth does not matter.
 */
function duplicateKeyError(file: string, text: string): InputError {
  const open: (Set<string> | null)[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */) open.push(new Set());
    else if (c === 0x5b /* [ */) open.push(null);
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) open.pop();
    else if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      if (end === -1) break;
      const keys = open[open.length - 1];
      let j = end + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (keys && text[j] === ':') {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (keys.has(key)) {
          const at = lineCol(text, i);
          return new InputError(
            'BULWARK_TEMPLATE_PARSE',
            `${file}:${at.line}:${at.column}`,
            `duplicate key \`${key}\` (JSON keeps only the last one, so part of the template would be ignored)`,
          );
        }
        keys.add(key);
      }
      i = end + 1;
      continue;
    }
    i++;
  }
  return new InputError('BULWARK_TEMPLATE_PARSE', file, 'duplicate key in an object');
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
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, {
      customTags: cachedTags,
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
    });
  } catch (e) {
    throw yamlFailure(file, e);
  }
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    const pos = lineCounter.linePos(problem.pos[0]);
    const where = `${file}:${pos.line}:${pos.col}`;
    if (/maximum call stack/i.test(problem.message)) throw tooDeep(where);
    const msg =
      problem.code === 'TAG_RESOLVE_FAILED'
        ? unknownTagMessage(problem.message)
        : problem.message.split('\n')[0];
    throw new InputError('BULWARK_TEMPLATE_PARSE', where, `invalid YAML: ${msg}`);
  }
  let body: unknown;
  try {
    body = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (e) {
    throw yamlFailure(file, e);
  }
  measure(file, body);
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

/** Aliases a YAML document may expand; more is an alias bomb, not a template. */
export const MAX_ALIAS_COUNT = 100;

/**
 * The input error for a YAML document the parser could not turn into a value: too many aliases
 * (an alias bomb), or nesting too deep to walk.
 */
export function yamlFailure(file: string, e: unknown): InputError {
  if (e instanceof InputError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/alias/i.test(message)) {
    return new InputError(
      'BULWARK_TEMPLATE_INVALID',
      file,
      `YAML aliases expand to too much content (more than ${MAX_ALIAS_COUNT} alias uses: an alias bomb?)`,
    );
  }
  if (e instanceof RangeError) return tooDeep(file);
  return new InputError('BULWARK_TEMPLATE_PARSE', file, `invalid YAML: ${message.split('\n')[0]}`);
}

function unknownTagMessage(message: string): string {
  const m = /tag:? (!\S+)/.exec(message);
  return m
    ? `unknown tag ${m[1]} (CloudFormation short forms are !Ref, !GetAtt, !Sub, !Join, !Select, !If, ...)`
    : message;
}

/** A string, number or boolean, or a list of them: what `Parameters` defaults and `Mappings` hold. */
function isLiteral(v: unknown): boolean {
  const scalar = (x: unknown) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
  return scalar(v) || (Array.isArray(v) && v.every(scalar));
}

/**
 * CloudFormation allows no intrinsic function in parameter defaults and mapping values: they are
 * literals. A template that has one there is invalid, and resolving it could refer back to itself
 * (a default looked up in a mapping keyed by the parameter itself).
 */
function checkLiteralSections(file: string, t: Record<string, unknown>): void {
  const bad = (detail: string) => new InputError('BULWARK_TEMPLATE_INVALID', file, detail);
  const params = t.Parameters;
  if (typeof params === 'object' && params !== null && !Array.isArray(params)) {
    for (const [name, p] of Object.entries(params)) {
      const d = typeof p === 'object' && p !== null ? (p as { Default?: unknown }).Default : undefined;
      if (d !== undefined && !isLiteral(d)) {
        throw bad(
          `parameter \`${name}\` has a \`Default\` that is not a literal (CloudFormation allows no intrinsic function in Parameters)`,
        );
      }
    }
  }
  const mappings = t.Mappings;
  if (typeof mappings === 'object' && mappings !== null && !Array.isArray(mappings)) {
    for (const [name, m] of Object.entries(mappings)) {
      if (typeof m !== 'object' || m === null || Array.isArray(m)) continue;
      for (const [key, level] of Object.entries(m)) {
        if (typeof level !== 'object' || level === null || Array.isArray(level)) continue;
        for (const [attr, v] of Object.entries(level)) {
          if (!isLiteral(v)) {
            throw bad(
              `mapping \`${name}\` has a value at \`${key}\`.\`${attr}\` that is not a string or list (CloudFormation allows no intrinsic function in Mappings)`,
            );
          }
        }
      }
    }
  }
}

function asTemplateObject(file: string, body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError(
      'BULWARK_TEMPLATE_INVALID',
      file,
      `${NOT_A_TEMPLATE}: the top level is not an object`,
    );
  }
  const t = body as Record<string, unknown>;
  if (t.Resources === undefined) {
    throw new InputError(
      'BULWARK_TEMPLATE_INVALID',
      file,
      `${NOT_A_TEMPLATE}: it has no \`Resources\` section`,
    );
  }
  if (typeof t.Resources !== 'object' || t.Resources === null || Array.isArray(t.Resources)) {
    throw new InputError(
      'BULWARK_TEMPLATE_INVALID',
      file,
      '`Resources` must be an object of logical id -> resource',
    );
  }
  checkLiteralSections(file, t);
  const resources = t.Resources as Record<string, unknown>;
  for (const id in resources) {
    if (id.startsWith('Fn::ForEach::')) continue; // a loop of the language extensions (foreach.ts)
    const r = resources[id];
    if (typeof r !== 'object' || r === null || Array.isArray(r)) {
      throw new InputError('BULWARK_TEMPLATE_INVALID', file, `resource \`${id}\` is not an object`);
    }
    const type = (r as { Type?: unknown }).Type;
    if (type === undefined || type === null) {
      throw new InputError('BULWARK_TEMPLATE_INVALID', file, `resource \`${id}\` has no \`Type\``);
    }
    if (typeof type !== 'string' || type === '') {
      throw new InputError(
        'BULWARK_TEMPLATE_INVALID',
        file,
        typeof type === 'string'
          ? `resource \`${id}\` has an empty \`Type\``
          : `resource \`${id}\` has a \`Type\` that is not a string`,
      );
    }
  }
  return t;
}

/**
 * Decode and parse a file as a template read would (JSON when it is named `.json` or starts with `{`,
 * YAML otherwise), for the error that says why it cannot be read: encoding, syntax, a key given
 * twice, nesting, aliases. Returns when the file parses.
 */
export function checkParses(file: string, buf: Buffer): void {
  const text = checkText(file, buf);
  try {
    if (/\.json$/i.test(file) || /^\s*\{/.test(text)) parseJsonTemplate(file, text, buf);
    else parseYamlTemplate(file, text);
  } catch (e) {
    // A value that parses but is no template is for the sources to say.
    if (!(e instanceof InputError && e.detail.startsWith(NOT_A_TEMPLATE))) throw e;
  }
}
