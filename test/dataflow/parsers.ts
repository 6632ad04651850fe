/**
 * Strict readers of the Mermaid and DOT that `bulwark graph` writes, for tests: each accepts only the
 * statements the renderer is meant to write and throws on anything else (an unterminated string,
 * an unbalanced block, a stray statement), so an escaping bug that lets a name break the syntax
 * fails the test.
 */

export interface MermaidGraph {
  readonly nodes: { id: string; label: string; subgraph?: string }[];
  readonly subgraphs: { id: string; label: string; parent?: string }[];
  readonly edges: { from: string; to: string; dashed: boolean; label: string; styled: boolean }[];
}

/** A Mermaid label as written: safe characters, entity codes and line breaks only. */
const MERMAID_LABEL = /^(?:[A-Za-z0-9 ._,:/+=@*-]|#\d+;|<br\/>)*$/;

function mermaidText(raw: string, line: string): string {
  if (!MERMAID_LABEL.test(raw)) throw new Error(`unescaped label in: ${line}`);
  return raw.replace(/<br\/>/g, '\n').replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}

const SHAPES: Readonly<Record<string, string>> = {
  '((': '))',
  '{{': '}}',
  '([': '])',
  '[(': ')]',
  '[': ']',
  '>': ']',
};

export function parseMermaid(text: string): MermaidGraph {
  const lines = text.split('\n');
  if (lines[0] !== 'flowchart LR') throw new Error(`not a flowchart: ${lines[0]}`);
  const g: MermaidGraph = { nodes: [], subgraphs: [], edges: [] };
  const stack: string[] = [];
  const styled: number[] = [];
  for (const raw of lines.slice(1)) {
    const line = raw.trim();
    if (line === '') continue;
    let m: RegExpMatchArray | null;
    if ((m = line.match(/^subgraph ([A-Za-z0-9_]+) \["([^"]*)"\]$/))) {
      if (g.subgraphs.some((s) => s.id === m![1])) throw new Error(`duplicate subgraph ${m[1]}`);
      g.subgraphs.push({ id: m[1]!, label: mermaidText(m[2]!, line), parent: stack.at(-1) });
      stack.push(m[1]!);
    } else if (line === 'end') {
      if (!stack.pop()) throw new Error('`end` without subgraph');
    } else if (
      (m = line.match(/^([A-Za-z0-9_]+)(\(\(|\{\{|\(\[|\[\(|\[|>)"([^"]*)"(\)\)|\}\}|\]\)|\)\]|\])$/))
    ) {
      if (SHAPES[m[2]!] !== m[4]) throw new Error(`mismatched shape in: ${line}`);
      if (g.nodes.some((n) => n.id === m![1])) throw new Error(`duplicate node ${m[1]}`);
      g.nodes.push({ id: m[1]!, label: mermaidText(m[3]!, line), subgraph: stack.at(-1) });
    } else if ((m = line.match(/^([A-Za-z0-9_]+) (-->|-\.->)(?:\|"([^"]*)"\|)? ([A-Za-z0-9_]+)$/))) {
      g.edges.push({
        from: m[1]!,
        to: m[4]!,
        dashed: m[2] === '-.->',
        label: m[3] === undefined ? '' : mermaidText(m[3], line),
        styled: false,
      });
    } else if ((m = line.match(/^linkStyle ([\d,]+) [a-z-]+:[#\w]+(?:,[a-z-]+:[#\w]+)*$/))) {
      styled.push(...m[1]!.split(',').map(Number));
    } else if (
      /^classDef [a-z]+ [a-z-]+:[#\w. ]+(?:,[a-z-]+:[#\w. ]+)*$/.test(line) ||
      /^class [A-Za-z0-9_,]+ [a-z]+$/.test(line)
    ) {
      // styles
    } else {
      throw new Error(`unexpected Mermaid line: ${line}`);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed subgraph ${stack.join(', ')}`);
  const ids = new Set(g.nodes.map((n) => n.id));
  for (const e of g.edges) {
    if (!ids.has(e.from) || !ids.has(e.to))
      throw new Error(`edge to an undeclared node: ${e.from} -> ${e.to}`);
  }
  for (const i of styled) {
    if (!g.edges[i]) throw new Error(`linkStyle ${i} names no edge`);
    g.edges[i].styled = true;
  }
  return g;
}

export interface DotGraph {
  readonly nodes: { id: string; attrs: Record<string, string>; clusters: string[] }[];
  readonly edges: { from: string; to: string; attrs: Record<string, string> }[];
}

type Token = { kind: 'id'; value: string } | { kind: 'punct'; value: string };

function tokenizeDot(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated DOT string');
        const ch = text[i]!;
        if (ch === '\n') throw new Error('raw line break inside a DOT string');
        if (ch === '"') break;
        if (ch === '\\') {
          const next = text[i + 1];
          if (next === undefined) throw new Error('dangling backslash');
          value += next === 'n' ? '\n' : next === '"' || next === '\\' ? next : `\\${next}`;
          i += 2;
        } else {
          value += ch;
          i++;
        }
      }
      i++;
      out.push({ kind: 'id', value });
    } else if (text.startsWith('->', i)) {
      out.push({ kind: 'punct', value: '->' });
      i += 2;
    } else if ('{}[];,='.includes(c)) {
      out.push({ kind: 'punct', value: c });
      i++;
    } else {
      const m = text.slice(i).match(/^(?:[A-Za-z_][A-Za-z0-9_]*|-?(?:\.\d+|\d+(?:\.\d*)?))/);
      if (!m) throw new Error(`unexpected DOT character ${JSON.stringify(c)} at ${i}`);
      out.push({ kind: 'id', value: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

/** Parse the DOT subset `bulwark graph` writes: a digraph of nodes, edges and nested subgraphs. */
export function parseDot(text: string): DotGraph {
  const tokens = tokenizeDot(text);
  let p = 0;
  const peek = () => tokens[p];
  const take = (value?: string): Token => {
    const t = tokens[p++];
    if (!t) throw new Error('unexpected end of DOT');
    if (value !== undefined && t.value !== value) throw new Error(`expected ${value}, got ${t.value}`);
    return t;
  };
  const id = (): string => {
    const t = take();
    if (t.kind !== 'id') throw new Error(`expected an id, got ${t.value}`);
    return t.value;
  };
  const attrList = (): Record<string, string> => {
    const attrs: Record<string, string> = {};
    take('[');
    while (peek()?.value !== ']') {
      const k = id();
      take('=');
      attrs[k] = id();
      if (peek()?.value === ',' || peek()?.value === ';') take();
    }
    take(']');
    return attrs;
  };
  const g: DotGraph = { nodes: [], edges: [] };
  const clusters: { label: string }[] = [];
  const stmts = () => {
    while (peek()?.value !== '}') {
      const t = peek();
      if (!t) throw new Error('unclosed DOT block');
      if (t.kind === 'id' && t.value === 'subgraph') {
        take();
        if (peek()?.kind === 'id') id();
        take('{');
        clusters.push({ label: '' });
        stmts();
        take('}');
        clusters.pop();
      } else if (
        t.kind === 'id' &&
        ['node', 'edge', 'graph'].includes(t.value) &&
        tokens[p + 1]?.value === '['
      ) {
        take();
        attrList();
      } else {
        const a = id();
        if (peek()?.value === '=') {
          take();
          const v = id();
          if (a === 'label' && clusters.length > 0) clusters[clusters.length - 1]!.label = v;
        } else if (peek()?.value === '->') {
          take();
          const b = id();
          g.edges.push({ from: a, to: b, attrs: peek()?.value === '[' ? attrList() : {} });
        } else {
          g.nodes.push({ id: a, attrs: peek()?.value === '[' ? attrList() : {}, clusters: [] });
          (g.nodes[g.nodes.length - 1] as { clusterRefs?: { label: string }[] }).clusterRefs = [...clusters];
        }
      }
      if (peek()?.value === ';') take();
    }
  };
  if (id() !== 'digraph') throw new Error('not a digraph');
  if (peek()?.kind === 'id') id();
  take('{');
  stmts();
  take('}');
  if (p !== tokens.length) throw new Error('text after the graph');
  for (const n of g.nodes as (DotGraph['nodes'][number] & { clusterRefs?: { label: string }[] })[]) {
    n.clusters = (n.clusterRefs ?? []).map((c) => c.label);
    delete n.clusterRefs;
  }
  const ids = new Set(g.nodes.map((n) => n.id));
  for (const e of g.edges) {
    if (!ids.has(e.from) || !ids.has(e.to))
      throw new Error(`edge to an undeclared node: ${e.from} -> ${e.to}`);
  }
  return g;
}
