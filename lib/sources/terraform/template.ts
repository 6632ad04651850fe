/**
 * Terraform's template syntax inside JSON strings: literal text, `${ expression }` interpolations
 * and `%{ directive }`s, with `$${` and `%%{` as escapes for the literal sequences.
 */

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'interpolation'; readonly expression: string }
  | { readonly kind: 'directive'; readonly source: string };

/** Why a template could not be parsed. */
export class TemplateSyntaxError extends Error {}

/** Split a string into template parts; throws {@link TemplateSyntaxError} on an unbalanced `${` or `%{`. */
export function parseTemplate(s: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if ((c === '$' || c === '%') && s[i + 1] === c && s[i + 2] === '{') {
      text += `${c}{`;
      i += 3;
      continue;
    }
    if ((c === '$' || c === '%') && s[i + 1] === '{') {
      const end = closingBrace(s, i + 2);
      if (end < 0) throw new TemplateSyntaxError(`unbalanced \`${c}{\` at character ${i + 1}`);
      if (text) parts.push({ kind: 'text', text });
      text = '';
      const inner = s
        .slice(i + 2, end)
        .replace(/^~/, '')
        .replace(/~$/, '')
        .trim();
      if (c === '$') {
        if (inner === '') throw new TemplateSyntaxError(`empty \`\${}\` at character ${i + 1}`);
        parts.push({ kind: 'interpolation', expression: inner });
      } else parts.push({ kind: 'directive', source: s.slice(i, end + 1) });
      i = end + 1;
      continue;
    }
    text += c;
    i++;
  }
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

/**
 * The index of the `}` that closes an expression starting at `from`, skipping nested braces,
 * brackets, parentheses and quoted strings (which may hold templates of their own); -1 if none.
 */
function closingBrace(s: string, from: number): number {
  const stack: string[] = [];
  let i = from;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '"') {
      i = stringEnd(s, i);
      if (i < 0) return -1;
      i++;
      continue;
    }
    if (c === '{' || c === '[' || c === '(') stack.push(c === '{' ? '}' : c === '[' ? ']' : ')');
    else if (c === '}' || c === ']' || c === ')') {
      if (stack.length === 0) return c === '}' ? i : -1;
      if (stack.pop() !== c) return -1;
    }
    i++;
  }
  return -1;
}

/** The index of the quote closing a string opened at `open` inside an expression; -1 if none. */
function stringEnd(s: string, open: number): number {
  let i = open + 1;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '"') return i;
    if ((c === '$' || c === '%') && s[i + 1] === '{') {
      if (s[i - 1] === c) {
        i += 2;
        continue;
      }
      const end = closingBrace(s, i + 2);
      if (end < 0) return -1;
      i = end + 1;
      continue;
    }
    i++;
  }
  return -1;
}

/** One step of a traversal: an attribute name or an index (`[0]`, `["k"]`). */
export type Step = { readonly attr: string } | { readonly index: string | number };

/** `a.b[0].c["k"]` as a root name and its steps; undefined when the expression is not a plain traversal. */
export function parseTraversal(expression: string): { root: string; steps: Step[] } | undefined {
  const m = /^([A-Za-z_][\w-]*)/.exec(expression);
  if (!m) return undefined;
  const steps: Step[] = [];
  let i = m[1]!.length;
  while (i < expression.length) {
    const rest = expression.slice(i);
    let s: RegExpExecArray | null;
    if ((s = /^\s*\.\s*([A-Za-z_][\w-]*|\*)/.exec(rest))) {
      steps.push({ attr: s[1]! });
    } else if ((s = /^\s*\.\s*(\d+)/.exec(rest))) {
      steps.push({ index: Number(s[1]) });
    } else if ((s = /^\s*\[\s*(\d+)\s*\]/.exec(rest))) {
      steps.push({ index: Number(s[1]) });
    } else if ((s = /^\s*\[\s*("(?:[^"\\]|\\.)*")\s*\]/.exec(rest))) {
      steps.push({ index: JSON.parse(s[1]!) as string });
    } else if ((s = /^\s+$/.exec(rest))) {
      break;
    } else return undefined;
    i += s[0].length;
  }
  return { root: m[1]!, steps };
}

/**
 * The traversals an expression mentions (outside string literals), for the references an
 * unresolved expression keeps: `lookup(var.m, aws_s3_bucket.b.id)` gives `var.m` and `aws_s3_bucket.b.id`.
 */
export function traversalsIn(expression: string): string[] {
  const out: string[] = [];
  const re =
    /"(?:[^"\\]|\\.)*"|([A-Za-z_][\w-]*(?:\s*\.\s*[A-Za-z_][\w-]*|\s*\[\s*(?:\d+|"(?:[^"\\]|\\.)*")\s*\])+)(?!\s*\()/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(expression))) {
    if (m[1] && !/[\w.]$/.test(expression.slice(0, m.index)) && !out.includes(m[1])) out.push(m[1]);
  }
  return out;
}
