import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { App as TfApp, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { evaluate } from '../../lib/engine/evaluate';
import { ResourceGraph } from '../../lib/graph/graph';
import { adaptersForAll, loadInput } from '../../lib/sources';
import all from '../../policies/packs/all';
import { RULES } from '../../policies/rules';

/** One misconfiguration written twice: with aws-cdk-lib and with CDK for Terraform. */
export interface ParityPair {
  /** What the pair shows; the test's name. */
  readonly name: string;
  /** Builds the CDK side in a stack of its own. */
  readonly cdk: (stack: Stack) => void;
  /** Builds the CDKTF side in a stack of its own, which already holds an AWS provider. */
  readonly cdktf: (stack: TerraformStack) => void;
  /**
   * Construct id (or ids) of the resources judged, the same on both sides: a resource whose
   * construct path is `<stack>/<id>` or lies below it is compared.
   */
  readonly id: string | readonly string[];
  /** Rule ids the misconfiguration must fail on both sides (a subset of what they fail). */
  readonly fails: readonly string[];
}

/** What a set of pairs compares besides the rules that fail. */
export interface ParityOptions {
  /**
   * Compare the rules that cannot decide (`unknown`) too. Off where a source may leave a fact open
   * that the other settles by a default (an RDS instance's public access in CloudFormation depends
   * on its subnet group; Terraform's default is private).
   * @default false
   */
  readonly unknowns?: boolean;
}

/**
 * `RULE outcome controls...` of every failing (and, if asked, undecided) result on the resources of
 * `stack` judged by a pair, every rule of the catalog evaluated.
 */
function judged(graph: ResourceGraph, stack: string, ids: readonly string[], unknowns: boolean): string[] {
  const own = new ResourceGraph([...graph.all()].filter((r) => r.stack === stack));
  const ev = evaluate({ graph: own, adapters: adaptersForAll(), rules: RULES, pack: all });
  const under = (p: string) => ids.some((id) => p === `${stack}/${id}` || p.startsWith(`${stack}/${id}/`));
  const out = new Set<string>();
  for (const r of ev.results) {
    if (r.outcome !== 'fail' && !(unknowns && r.outcome === 'unknown')) continue;
    if (r.resource.path === undefined || !under(r.resource.path)) continue;
    out.add([r.rule.id, r.outcome, ...[...r.rule.controls].sort()].join(' '));
  }
  return [...out].sort();
}

/**
 * One test a pair: both sides are synthesized (each pair in its own CDK stack and CDKTF stack,
 * `Pair<n>`), read as `bulwark check` reads them, and the rules that fail (and, with
 * {@link ParityOptions.unknowns}, cannot decide) on the resources judged, with their controls, must
 * be the same; the rules the pair names must fail.
 */
export function describeParity(
  title: string,
  pairs: readonly ParityPair[],
  options: ParityOptions = {},
): void {
  const unknowns = options.unknowns === true;
  describe(title, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-parity-'));
    const stackOf = (i: number) => `Pair${i}`;
    let cdkGraph: ResourceGraph;

    beforeAll(() => {
      const cdkApp = new App({ outdir: path.join(dir, 'cdk'), builtinCloudFormationValidation: false });
      const tfApp = new TfApp({ outdir: path.join(dir, 'cdktf') });
      pairs.forEach((pair, i) => {
        pair.cdk(new Stack(cdkApp, stackOf(i)));
        const tf = new TerraformStack(tfApp, stackOf(i));
        new AwsProvider(tf, 'aws', { region: 'eu-west-1' });
        pair.cdktf(tf);
      });
      cdkApp.synth();
      tfApp.synth();
      cdkGraph = loadInput([path.join(dir, 'cdk')]).graph;
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test.each(pairs.map((p, i) => [p.name, i] as const))('%s', (_name, i) => {
      const pair = pairs[i]!;
      const ids = typeof pair.id === 'string' ? [pair.id] : pair.id;
      const cdk = judged(cdkGraph, stackOf(i), ids, unknowns);
      const file = path.join(dir, 'cdktf', 'stacks', stackOf(i), 'cdk.tf.json');
      const tf = judged(loadInput([file]).graph, stackOf(i), ids, unknowns);
      expect(tf).toEqual(cdk);
      const failed = new Set(cdk.filter((f) => f.split(' ')[1] === 'fail').map((f) => f.split(' ')[0]));
      for (const id of pair.fails) expect(failed).toContain(id);
    });
  });
}
