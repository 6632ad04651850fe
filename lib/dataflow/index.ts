import { adaptersForAll, loadInput } from '../sources';
import { ViewSet } from '../views/registry';
import { buildDataFlowGraph } from './build';
import type { DataFlowGraph } from './model';

export * from './model';
export { buildDataFlowGraph, nodeId } from './build';
export {
  GRAPH_FORMATS,
  escapeDot,
  escapeMermaid,
  renderDot,
  renderGraph,
  renderMermaid,
  type GraphFormat,
} from './render';

export interface DataFlowRun {
  readonly graph: DataFlowGraph;
  /** What the input declares but could not be read, and resources whose views could not be derived. */
  readonly notDrawn: readonly string[];
}

/** Read the artifacts at `paths` and draw their data flows. Input problems throw `InputError`. */
export function dataFlowOfPaths(paths: readonly string[]): DataFlowRun {
  const input = loadInput(paths);
  const views = new ViewSet(input.graph, adaptersForAll());
  const graph = buildDataFlowGraph(views.all());
  return {
    graph,
    notDrawn: [
      ...input.incomplete,
      ...views.errors.map((e) => `\`${e.address}\` (${e.type}): its views could not be derived: ${e.error}`),
    ],
  };
}
