import * as path from 'node:path';
import { Testing, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { Construct } from 'constructs';
import type { ResourceGraph } from '../../lib/graph/graph';
import type { Resource } from '../../lib/graph/resource';
import { adaptersForAll, loadInput } from '../../lib/sources';
import { ViewSet } from '../../lib/views/registry';

/** The graph and views of a CDKTF stack built by `build`, synthesized and read as `bulwark check` reads it. */
export function tfViews(build: (stack: Construct) => void): {
  graph: ResourceGraph;
  views: ViewSet;
  /** The resource whose construct path is `test/<id>`. */
  byId(id: string): Resource;
} {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  build(stack);
  const file = path.join(Testing.fullSynth(stack), 'stacks', 'test', 'cdk.tf.json');
  const { graph } = loadInput([file]);
  const views = new ViewSet(graph, adaptersForAll());
  return {
    graph,
    views,
    byId(id) {
      const r = [...graph.all()].find((x) => x.path === `test/${id}`);
      if (!r) throw new Error(`no resource at test/${id}`);
      return r;
    },
  };
}
