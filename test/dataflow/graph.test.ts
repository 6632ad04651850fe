import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import {
  dataFlowOfPaths,
  renderDot,
  renderMermaid,
  type DataFlowGraph,
  type FlowNode,
} from '../../lib/dataflow';
import { runCli } from '../support/cli';
import { threeTierApp } from './app';
import { parseDot, parseMermaid } from './parsers';

// `bulwark graph` on a three-tier CDK app built here: a VPC with public, private and isolated
// subnets, an internet-facing load balancer, a function behind it, a CONFIDENTIAL database behind
// that, and a bucket outside the network.

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-graph-'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function byName(g: DataFlowGraph, name: string): FlowNode {
  const n = g.nodes.find((x) => x.name === name);
  if (!n) throw new Error(`no node named ${name}: ${g.nodes.map((x) => x.name).join(', ')}`);
  return n;
}

function tierOf(g: DataFlowGraph, n: FlowNode): string | undefined {
  return g.clusters.find((c) => c.id === n.cluster)?.tier;
}

/** Flows as `from -> to [ports] {crossings}`, by node name. */
function flowsByName(g: DataFlowGraph): string[] {
  const name = (id: string) => g.nodes.find((n) => n.id === id)!.name;
  return g.flows.map(
    (f) =>
      `${name(f.from)} ${f.kind === 'attached' ? '-.->' : '-->'} ${name(f.to)} [${f.ports.join(',')}] {${f.crossings.join('; ')}}`,
  );
}

describe('bulwark graph: a three-tier app', () => {
  let assembly: string;
  let graph: DataFlowGraph;
  beforeAll(() => {
    assembly = path.join(root, 'three', 'cdk.out');
    threeTierApp(assembly);
    const run = dataFlowOfPaths([assembly]);
    expect(run.notDrawn).toEqual([]);
    graph = run.graph;
  });

  test('tiers from the subnets routes: the load balancer public, the function private, the database isolated', () => {
    expect(tierOf(graph, byName(graph, 'Web'))).toBe('public');
    expect(tierOf(graph, byName(graph, 'WebSg'))).toBe('public');
    expect(tierOf(graph, byName(graph, 'App'))).toBe('private');
    expect(tierOf(graph, byName(graph, 'AppSg'))).toBe('private');
    expect(tierOf(graph, byName(graph, 'Db'))).toBe('isolated');
    expect(tierOf(graph, byName(graph, 'DbSg'))).toBe('isolated');
    // The three tiers are clusters inside the network's cluster.
    const network = graph.clusters.find((c) => c.kind === 'network')!;
    expect(network.label).toBe('network Vpc 10.0.0.0/16');
    expect(
      graph.clusters
        .filter((c) => c.parent === network.id)
        .map((c) => c.tier)
        .sort(),
    ).toEqual(['isolated', 'private', 'public']);
  });

  test('stores carry their classification; the bucket sits outside the network', () => {
    expect(byName(graph, 'Db')).toMatchObject({ kind: 'data-store', classification: 'CONFIDENTIAL' });
    expect(byName(graph, 'DbSg').classification).toBe('CONFIDENTIAL');
    const bucket = byName(graph, 'Assets');
    expect(bucket).toMatchObject({
      kind: 'data-store',
      detail: 'object-store',
      classification: 'unclassified',
    });
    expect(bucket.cluster).toBeUndefined();
    expect(byName(graph, 'Internet').kind).toBe('internet');
  });

  test('flows with ports, and every trust boundary they cross', () => {
    expect(flowsByName(graph).sort()).toEqual(
      [
        'Internet --> WebSg [tcp/80] {internet->vpc}',
        'WebSg --> AppSg [tcp/8080] {tier public->private}',
        'AppSg --> DbSg [tcp/5432] {tier private->isolated; classification unclassified->CONFIDENTIAL}',
        'WebSg -.-> Web [] {}',
        'AppSg -.-> App [] {}',
        'DbSg -.-> Db [] {}',
      ].sort(),
    );
  });

  test('Mermaid: the same nodes, clusters and flows; crossing flows styled red and labelled', async () => {
    const r = await runCli(['graph', assembly]);
    expect(r.code).toBe(0);
    const m = parseMermaid(r.stdout);
    expect(m.nodes.map((n) => n.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(m.nodes.find((n) => n.id === byName(graph, 'Db').id)!.label).toBe(
      'Db\ndatabase-instance\ndata: CONFIDENTIAL',
    );
    expect(m.subgraphs.map((s) => s.label).sort()).toEqual([
      'isolated tier',
      'network Vpc 10.0.0.0/16',
      'private tier',
      'public tier',
    ]);
    expect(m.edges).toHaveLength(graph.flows.length);
    const internetEdge = m.edges.find((e) => e.from === 'internet')!;
    expect(internetEdge.label).toBe('tcp/80\ncrosses: internet->vpc');
    const red = m.edges.filter((e) => e.styled).map((e) => e.label.split('\n')[1]);
    expect(red.sort()).toEqual([
      'crosses: internet->vpc',
      'crosses: tier private->isolated, classification unclassified->CONFIDENTIAL',
      'crosses: tier public->private',
    ]);
  });

  test('DOT: parses; the same nodes in nested clusters and the same flows; crossings red', async () => {
    const out = path.join(root, 'flows.dot');
    const r = await runCli(['graph', assembly, '--format', 'dot', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('dot graph written to');
    const d = parseDot(fs.readFileSync(out, 'utf8'));
    expect(d.nodes.map((n) => n.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    const db = d.nodes.find((n) => n.id === byName(graph, 'Db').id)!;
    expect(db.attrs.label).toBe('Db\ndatabase-instance\ndata: CONFIDENTIAL');
    expect(db.clusters).toEqual(['network Vpc 10.0.0.0/16', 'isolated tier']);
    expect(d.edges).toHaveLength(graph.flows.length);
    const crossing = d.edges.filter((e) => e.attrs.color === '#d00000');
    expect(crossing.map((e) => e.attrs.label).sort()).toEqual([
      'tcp/5432\ncrosses: tier private->isolated, classification unclassified->CONFIDENTIAL',
      'tcp/80\ncrosses: internet->vpc',
      'tcp/8080\ncrosses: tier public->private',
    ]);
  });

  test('deterministic: the same input draws the same text', async () => {
    const a = await runCli(['graph', assembly, '--format', 'dot']);
    const b = await runCli(['graph', assembly, '--format', 'dot']);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('bulwark graph: hostile names are escaped in both formats', () => {
  // Construct ids as CDK writes them into the construct path (it rewrites `/`, so none here).
  const hostile = {
    alb: 'Web"] --> x; click x call alert(1) %% [',
    app: 'App  subgraph evil\\N {"} \\" end',
    db: 'Db -- ; ]] }} ]) <b>x<\\b> #quot; \u001b[31m',
  };
  let assembly: string;
  beforeAll(() => {
    assembly = path.join(root, 'hostile', 'cdk.out');
    threeTierApp(assembly, hostile);
  });

  test('Mermaid: still one node a resource, labels read back exactly', async () => {
    const r = await runCli(['graph', assembly]);
    expect(r.code).toBe(0);
    const m = parseMermaid(r.stdout);
    const labels = m.nodes.map((n) => n.label.split('\n')[0]);
    // A control character cannot reach the diagram: it is drawn as a space.
    for (const name of [hostile.alb, hostile.app, hostile.db.replace('\u001b', ' ')])
      expect(labels).toContain(name);
    expect(m.edges).toHaveLength(6);
  });

  test('DOT: parses, labels read back exactly', async () => {
    const r = await runCli(['graph', assembly, '--format', 'dot']);
    expect(r.code).toBe(0);
    const d = parseDot(r.stdout);
    const labels = d.nodes.map((n) => n.attrs.label ?? '');
    expect(labels).toContain(`${hostile.alb}\napplication load balancer\ndata: unclassified`);
    expect(labels).toContain(`${hostile.app}\nfunction\ndata: unclassified`);
    expect(labels).toContain(`${hostile.db.replace('\u001b', ' ')}\ndatabase-instance\ndata: CONFIDENTIAL`);
    expect(d.edges).toHaveLength(6);
  });

  test('line breaks in a name: a space in Mermaid, a DOT line break; never a new statement', () => {
    const graph: DataFlowGraph = {
      clusters: [{ id: 'c', kind: 'network', label: 'net\nend\nsubgraph x' }],
      nodes: [
        { id: 'a', kind: 'compute', name: 'A\n  b --> c;\r\nend', cluster: 'c' },
        { id: 'b', kind: 'data-store', name: 'B"\n}\ndigraph {', classification: 'RESTRICTED' },
      ],
      flows: [{ from: 'a', to: 'b', kind: 'ingress', ports: ['tcp/1\n-->'], crossings: ['x"\n]'] }],
    };
    const m = parseMermaid(renderMermaid(graph));
    expect(m.nodes.map((n) => n.label).sort()).toEqual([
      'A   b --> c;  end',
      'B" } digraph {\ndata: RESTRICTED',
    ]);
    expect(m.subgraphs[0]!.label).toBe('net end subgraph x');
    expect(m.edges[0]!.label).toBe('tcp/1 -->\ncrosses: x" ]');
    const d = parseDot(renderDot(graph));
    expect(d.nodes.map((n) => n.attrs.label).sort()).toEqual([
      'A\n  b --> c; \nend',
      'B"\n}\ndigraph {\ndata: RESTRICTED',
    ]);
    expect(d.edges[0]!.attrs.label).toBe('tcp/1\n-->\ncrosses: x"\n]');
  });
});

describe('bulwark graph: what cannot be resolved is drawn and marked, never left out', () => {
  test('an ingress rule from a CIDR parameter: an unresolved source, its flow marked', () => {
    const assembly = path.join(root, 'param', 'cdk.out');
    const app = new App({ outdir: assembly });
    const stack = new Stack(app, 'Ops');
    const cidr = new CfnParameter(stack, 'AdminCidr', { type: 'String' });
    new ec2.CfnSecurityGroup(stack, 'Admin', {
      groupDescription: 'admin',
      securityGroupIngress: [
        { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: cidr.valueAsString, description: 'ssh' },
        { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '203.0.113.0/24', description: 'office' },
        { ipProtocol: 'tcp', fromPort: 8443, toPort: 8443, cidrIp: '10.1.0.0/16', description: 'peered' },
      ],
    });
    app.synth();
    const g = dataFlowOfPaths([assembly]).graph;
    expect(flowsByName(g).sort()).toEqual(
      [
        'unresolved source --> Admin [tcp/22] {unresolved source}',
        '203.0.113.0/24 --> Admin [tcp/443] {internet->vpc}',
        '10.1.0.0/16 --> Admin [tcp/8443] {}',
      ].sort(),
    );
  });
});

describe('bulwark graph: usage', () => {
  test('a missing path exits 2 with one line', async () => {
    const r = await runCli(['graph', path.join(root, 'nope')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('nope');
  });

  test('the graph code names no provider type: it reads views only', () => {
    const dir = path.join(__dirname, '..', '..', 'lib', 'dataflow');
    for (const f of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      expect(text).not.toMatch(/AWS::|azure-native|aws_[a-z]/);
      // Only the entry point picks the adapters (as `bulwark check` does); the graph reads views.
      if (f !== 'index.ts') expect(text).not.toMatch(/views\/cloudformation/);
    }
  });
});
