import {
  escapeControl,
  escapeForXml,
  escapeHtml,
  escapeJsonText,
  escapeMarkdown,
  escapeSarifMessage,
  markdownInline,
  sanitizeTerminal,
} from '../../lib/report/escape';

describe('escapeControl', () => {
  test('C0, DEL and C1 controls become visible escapes', () => {
    expect(escapeControl('a\u001b[31mb')).toBe('a\\x1b[31mb');
    expect(escapeControl('\u0000\u0007\u007f\u0085\u009b')).toBe('\\x00\\x07\\x7f\\x85\\x9b');
    expect(escapeControl('line\nnext\r\tx')).toBe('line\\nnext\\r\\tx');
  });

  test('bidirectional overrides and line separators cannot reorder or split a line', () => {
    expect(escapeControl('admin\u202Enigeb\u2066x\u2069')).toBe('admin\\u202enigeb\\u2066x\\u2069');
    expect(escapeControl('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
  });

  test('printable text, including non-ASCII, is unchanged', () => {
    const s = 'Bucket `logs` | <b> & é 日本 🔒';
    expect(escapeControl(s)).toBe(s);
    expect(sanitizeTerminal(s)).toBe(s);
  });
});

describe('escapeJsonText', () => {
  test('DEL, C1, bidirectional controls and line separators in JSON text become \\u escapes', () => {
    expect(escapeJsonText('{"a": "x\u007fy"}')).toBe('{"a": "x\\u007fy"}');
    expect(escapeJsonText('"\u0085\u202e\u2028\u061c"')).toBe('"\\u0085\\u202e\\u2028\\u061c"');
    expect(JSON.parse(escapeJsonText(JSON.stringify({ k: 'a\u007f\u2066b' })))).toEqual({
      k: 'a\u007f\u2066b',
    });
  });

  test('JSON text of printable characters, ASCII or not, is unchanged', () => {
    for (const s of ['{\n  "a": "plain"\n}', '"é 日本 🔒"', '"\ud800"', ''])
      expect(escapeJsonText(s)).toBe(s);
  });
});

describe('escapeForXml', () => {
  test('characters XML 1.0 cannot carry are replaced', () => {
    expect(escapeForXml('a\u0001b\uFFFEc\uFFFF')).toBe('a\\x01b\\ufffec\\uffff');
    expect(escapeForXml('lone \uD800 high, lone \uDC00 low')).toBe('lone \\ud800 high, lone \\udc00 low');
    expect(escapeForXml('pair 🔒 kept')).toBe('pair 🔒 kept');
  });
});

describe('escapeMarkdown', () => {
  test('Markdown and HTML syntax becomes entities that contain no pipe', () => {
    const out = escapeMarkdown('a|b `c` <script>alert(1)</script> *x* _y_ [l](u) \\ & ~z~ #1 @team !');
    // `#` only appears inside the entities themselves.
    expect(out).not.toMatch(/[|`<>*_[\]\\~@!]/);
    expect(out).toBe(
      'a&#124;b &#96;c&#96; &lt;script&gt;alert(1)&lt;/script&gt; &#42;x&#42; &#95;y&#95; &#91;l&#93;(u) &#92; &amp; &#126;z&#126; &#35;1 &#64;team &#33;',
    );
  });

  test('newlines become spaces, controls visible escapes', () => {
    expect(escapeMarkdown('a\nb\r\nc\u001b[1m')).toBe('a b c&#92;x1b&#91;1m');
  });
});

describe('markdownInline', () => {
  test('code spans render as <code> with escaped content', () => {
    expect(markdownInline('Bucket `logs` accepts TLS 1.0')).toBe('Bucket <code>logs</code> accepts TLS 1.0');
    expect(markdownInline('Bucket `a|<b>` x')).toBe('Bucket <code>a&#124;&lt;b&gt;</code> x');
  });

  test('backticks inside a name cannot open a span that escapes the cell', () => {
    const out = markdownInline('`Evil|`x`<script>` uses');
    expect(out).toBe('<code>Evil&#124;</code>x<code>&lt;script&gt;</code> uses');
    expect(out).not.toContain('`');
    expect(out).not.toContain('|');
  });

  test('an unpaired backtick stays literal text', () => {
    expect(markdownInline('a `b` c `d')).toBe('a <code>b</code> c &#96;d');
    expect(markdownInline('`')).toBe('&#96;');
  });
});

describe('escapes on plain text', () => {
  test('text with no character an escape rewrites comes back as it is', () => {
    const plain = 'Bucket `U1Logs` (Bench0/U1Logs/Resource): no TLS · é 日本 😀';
    for (const escape of [escapeForXml, escapeHtml, escapeSarifMessage]) expect(escape(plain)).toBe(plain);
  });

  test('a single character of each kind in otherwise plain text is still escaped', () => {
    const at = (c: string) => `plain ${c} text`;
    for (const c of [
      '\u0000',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u061c',
      '\u200e',
      '\u2028',
      '\u202e',
      '\u2066',
    ]) {
      for (const escape of [escapeForXml, escapeHtml, escapeSarifMessage])
        expect(escape(at(c))).toBe(at(escapeControl(c)));
    }
    for (const c of ['\ud800', '\udc00', '\ufffe', '\uffff']) {
      expect(escapeForXml(at(c))).not.toContain(c);
      expect(escapeHtml(at(c))).not.toContain(c);
    }
    const entities: Record<string, string> = {
      '&': '&amp;',
      '<': '&lt;',
      '>': '&gt;',
      '"': '&quot;',
      "'": '&#39;',
    };
    for (const [c, entity] of Object.entries(entities)) expect(escapeHtml(at(c))).toBe(at(entity));
    for (const c of ['[', ']']) expect(escapeSarifMessage(at(c))).toBe(at(`\\${c}`));
  });
});
