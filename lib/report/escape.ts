/**
 * Escaping for text that comes from the artifacts checked (resource names, construct paths, tag
 * and property values echoed in messages). Such text must never drive a terminal, break a
 * Markdown table, inject HTML, or make an XML document invalid.
 */

/**
 * C0 and C1 control characters, DEL, and the Unicode line separators and bidirectional controls
 * that can reorder or hide text on screen.
 */
const CONTROL = new RegExp(
  '[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]',
  'g',
);

/** {@link CONTROL}, for a test (without the global flag, a test starts at the first character). */
const ANY_CONTROL = new RegExp(CONTROL.source);

/** Characters XML 1.0 cannot carry at all: unpaired surrogates and U+FFFE/U+FFFF. */
const XML_INVALID = new RegExp(
  '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]|[\\ufffe\\uffff]',
  'g',
);

/**
 * Every character some escape below rewrites: {@link CONTROL}, surrogates and U+FFFE/U+FFFF
 * ({@link XML_INVALID}), HTML's `&<>"'` and SARIF's brackets. Text without one (most of it) is
 * returned as it is after a single scan, instead of one scan per escape.
 */
const SPECIAL =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff&<>"'[\]]/;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Replace every control character (C0, DEL, C1, line separators, bidi controls) with a visible
 * escape (`\x1b`, `\n`, `\u202e`), so the text prints as one inert line. Apply it to every
 * artifact-derived string before it reaches a terminal or a plain-text report field.
 */
export function escapeControl(s: string): string {
  // Most text holds none: one scan that finds none returns it as it is, with no copy.
  if (!ANY_CONTROL.test(s)) return s;
  return s.replace(CONTROL, visible);
}

/**
 * Characters `JSON.stringify` leaves raw but a viewer may act on: DEL, C1 controls, bidirectional
 * marks and overrides, and the line and paragraph separators.
 */
const JSON_UNSAFE = new RegExp(
  '[\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]',
  'g',
);

/**
 * JSON text (as `JSON.stringify` writes it) with {@link JSON_UNSAFE} characters written as `\uXXXX`
 * escapes. Such characters only occur inside JSON strings, where the escape denotes the same
 * character: the parsed value is unchanged, the text shows no raw control or bidi character.
 */
export function escapeJsonText(json: string): string {
  // Text of ASCII only (as many UTF-8 bytes as characters: one native scan) can hold no unsafe
  // character but DEL; most report text is such, and skips the slower scan of the expression.
  if (Buffer.byteLength(json, 'utf8') === json.length && !json.includes('\u007f')) return json;
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text for a SARIF `message.text`: {@link escapeControl}, and `[` and `]` escaped with a backslash,
 * as SARIF requires of literal brackets in plain-text messages, so that artifact text such as
 * `[click](https://example.com)` renders as text, never as an embedded link. A backslash right
 * before a bracket is doubled too, so text cannot cancel the escape.
 */
export function escapeSarifMessage(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return escapeControl(s).replace(/\\(?=[[\]])|[[\]]/g, '\\$&');
}

/** Text for a terminal: {@link escapeControl} under the name the CLI uses. */
export function sanitizeTerminal(s: string): string {
  return escapeControl(s);
}

/** {@link escapeControl}, and characters XML 1.0 forbids replaced too: safe for any XML text or attribute. */
export function escapeForXml(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return escapeControl(s).replace(XML_INVALID, visible);
}

const MD_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '\\': '&#92;',
  '~': '&#126;',
  '#': '&#35;',
  '!': '&#33;',
  '@': '&#64;',
};

/**
 * Text for a GitHub-flavoured Markdown table cell or inline HTML: newlines become spaces, control
 * characters visible escapes, and every character with Markdown or HTML meaning (`|`, backtick,
 * `<`, `>`, `&`, `*`, `_`, `[`, `]`, `\`, ...) a numeric or named entity. Entities render as the
 * character but never as syntax, and contain no `|`, so a table row cannot be split.
 */
export function escapeMarkdown(s: string): string {
  return escapeControl(s.replace(/\r\n|\r|\n/g, ' ')).replace(
    /[&<>"'|`*_[\]\\~#!@]/g,
    (c) => MD_ENTITIES[c]!,
  );
}

/**
 * Inline Markdown for a message, fix or title: text between backticks renders as `<code>`, the
 * rest as plain text, both through {@link escapeMarkdown}. An unpaired backtick stays a literal
 * backtick. The result is safe inside a table cell.
 */
export function markdownInline(s: string): string {
  const parts = s.split('`');
  const paired = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i >= paired) out += escapeMarkdown('`' + part);
    else if (i % 2 === 1) out += `<code>${escapeMarkdown(part)}</code>`;
    else out += escapeMarkdown(part);
  }
  return out;
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text for HTML element content or a quoted attribute value: {@link escapeForXml} (control
 * characters, bidi controls and unpaired surrogates made visible: `\x1b`, `\u202e`), then `&`, `<`,
 * `>`, `"` and `'` as entities. The result holds no markup, cannot leave a quoted attribute, and
 * Markdown syntax in it stays literal text (HTML gives Markdown no meaning).
 */
export function escapeHtml(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return escapeForXml(s).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * Inline HTML for a message, fix or title: text between backticks renders as `<code>`, the rest as
 * text, both through {@link escapeHtml}. An unpaired backtick stays a literal backtick.
 */
export function htmlInline(s: string): string {
  const parts = s.split('`');
  const paired = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i >= paired) out += escapeHtml('`' + part);
    else if (i % 2 === 1) out += `<code>${escapeHtml(part)}</code>`;
    else out += escapeHtml(part);
  }
  return out;
}
