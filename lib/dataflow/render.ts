import type { DataFlowGraph, Flow, FlowCluster, FlowNode } from './model';

/** Output formats of `bulwark graph`. */
export const GRAPH_FORMATS = ['mermaid', 'dot'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** Render a data-flow graph. Every label is escaped for the format; ids are already `[A-Za-z0-9_]`. */
export function renderGraph(format: GraphFormat, graph: DataFlowGraph): string {
  return format === 'dot' ? renderDot(graph) : renderMermaid(graph);
}

/** The lines of a node's label: name, what it is, its classification. */
function labelLines(n: FlowNode): string[] {
  const lines = [n.name];
  if (n.detail) lines.push(n.detail);
  if (n.classification && n.kind !== 'internet') lines.push(`data: ${n.classification}`);
  return lines;
}

/** The lines of a flow's label: its ports, then the boundaries it crosses. */
function flowLines(f: Flow): string[] {
  const lines: string[] = [];
  if (f.ports.length > 0) lines.push(f.ports.join(', '));
  if (f.crossings.length > 0) lines.push(`crosses: ${f.crossings.join(', ')}`);
  return lines;
}

/** Children of each cluster (clusters and nodes), top level under the empty key. */
function tree(graph: DataFlowGraph) {
  const clusters = new Map<string, FlowCluster[]>();
  const nodes = new Map<string, FlowNode[]>();
  for (const c of graph.clusters) {
    const k = c.parent ?? '';
    clusters.set(k, [...(clusters.get(k) ?? []), c]);
  }
  for (const n of graph.nodes) {
    const k = n.cluster ?? '';
    nodes.set(k, [...(nodes.get(k) ?? []), n]);
  }
  return { clusters: (k: string) => clusters.get(k) ?? [], nodes: (k: string) => nodes.get(k) ?? [] };
}

// Mermaid

/** Characters written as themselves in a Mermaid label; every other one as an entity code (`#35;`). */
const MERMAID_SAFE = /[A-Za-z0-9 ._,:/+=@*-]/;

/**
 * Text for a quoted Mermaid label: every character outside a small safe set as an entity code
 * (`#34;` for `"`), so nothing in it can close the quote, open a shape, start a link (`-->`), end a
 * statement (`;`), a comment (`%%`) or inject markup; control characters and line breaks as spaces.
 */
export function escapeMermaid(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029) out += ' ';
    else out += MERMAID_SAFE.test(ch) ? ch : `#${code};`;
  }
  return out;
}

const MERMAID_SHAPES: Readonly<Record<FlowNode['kind'], readonly [string, string]>> = {
  internet: ['((', '))'],
  firewall: ['{{', '}}'],
  'load-balancer': ['([', '])'],
  endpoint: ['([', '])'],
  'data-store': ['[(', ')]'],
  compute: ['[', ']'],
  'address-range': ['>', ']'],
  external: ['>', ']'],
  unresolved: ['>', ']'],
};

export function renderMermaid(graph: DataFlowGraph): string {
  const t = tree(graph);
  const out = ['flowchart LR'];
  const node = (n: FlowNode, indent: string) => {
    const [open, close] = MERMAID_SHAPES[n.kind];
    out.push(`${indent}${n.id}${open}"${labelLines(n).map(escapeMermaid).join('<br/>')}"${close}`);
  };
  const cluster = (c: FlowCluster, indent: string) => {
    out.push(`${indent}subgraph ${c.id} ["${escapeMermaid(c.label)}"]`);
    for (const child of t.clusters(c.id)) cluster(child, `${indent}  `);
    for (const n of t.nodes(c.id)) node(n, `${indent}  `);
    out.push(`${indent}end`);
  };
  for (const n of t.nodes('')) node(n, '  ');
  for (const c of t.clusters('')) cluster(c, '  ');
  const crossing: number[] = [];
  graph.flows.forEach((f, i) => {
    const label = flowLines(f).map(escapeMermaid).join('<br/>');
    const arrow = f.kind === 'attached' ? '-.->' : '-->';
    out.push(`  ${f.from} ${arrow}${label ? `|"${label}"|` : ''} ${f.to}`);
    if (f.crossings.length > 0) crossing.push(i);
  });
  out.push('  classDef internet fill:#fde2e2,stroke:#b00020,color:#000');
  out.push('  classDef store fill:#e8f0fe,stroke:#1a4d8f,color:#000');
  out.push('  classDef firewall fill:#fff4d6,stroke:#8a6d00,color:#000');
  out.push('  classDef unresolved fill:#eeeeee,stroke:#555555,stroke-dasharray:4 2,color:#000');
  const classed = (kind: FlowNode['kind']) => graph.nodes.filter((n) => n.kind === kind).map((n) => n.id);
  for (const [cls, ids] of [
    ['internet', classed('internet')],
    ['store', classed('data-store')],
    ['firewall', classed('firewall')],
    ['unresolved', classed('unresolved')],
  ] as const) {
    if (ids.length > 0) out.push(`  class ${ids.join(',')} ${cls}`);
  }
  if (crossing.length > 0) out.push(`  linkStyle ${crossing.join(',')} stroke:#d00000,stroke-width:3px`);
  return `${out.join('\n')}\n`;
}

// DOT

/**
 * Text for a double-quoted DOT string: backslashes and quotes escaped (so `\N`, `\G` and `\l` stay
 * literal), line breaks as the `\n` escape, other control characters as spaces.
 */
export function escapeDot(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029) out += ' ';
    else out += ch;
  }
  return out;
}

const DOT_SHAPES: Readonly<Record<FlowNode['kind'], string>> = {
  internet: 'ellipse',
  firewall: 'hexagon',
  'load-balancer': 'box',
  endpoint: 'box',
  'data-store': 'cylinder',
  compute: 'box',
  'address-range': 'cds',
  external: 'cds',
  unresolved: 'note',
};

export function renderDot(graph: DataFlowGraph): string {
  const t = tree(graph);
  const q = (s: string) => `"${escapeDot(s)}"`;
  const out = ['digraph bulwark {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  const node = (n: FlowNode, indent: string) => {
    const attrs = [`label=${q(labelLines(n).join('\n'))}`, `shape=${DOT_SHAPES[n.kind]}`];
    if (n.kind === 'internet') attrs.push('color="#b00020"');
    if (n.kind === 'unresolved') attrs.push('style=dashed');
    out.push(`${indent}${q(n.id)} [${attrs.join(', ')}];`);
  };
  const cluster = (c: FlowCluster, indent: string) => {
    out.push(`${indent}subgraph ${q(`cluster_${c.id}`)} {`);
    out.push(`${indent}  label=${q(c.label)};`);
    out.push(`${indent}  style=${c.kind === 'network' ? 'rounded' : 'dashed'};`);
    for (const child of t.clusters(c.id)) cluster(child, `${indent}  `);
    for (const n of t.nodes(c.id)) node(n, `${indent}  `);
    out.push(`${indent}}`);
  };
  for (const n of t.nodes('')) node(n, '  ');
  for (const c of t.clusters('')) cluster(c, '  ');
  for (const f of graph.flows) {
    const attrs: string[] = [];
    const label = flowLines(f);
    if (label.length > 0) attrs.push(`label=${q(label.join('\n'))}`);
    if (f.kind === 'attached') attrs.push('style=dashed');
    if (f.crossings.length > 0) attrs.push('color="#d00000"', 'penwidth=2');
    out.push(`  ${q(f.from)} -> ${q(f.to)}${attrs.length > 0 ? ` [${attrs.join(', ')}]` : ''};`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
