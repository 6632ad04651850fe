/**
 * `bulwark`: the engine and the check API.
 *
 * Read artifacts into a resource graph, evaluate Bulwark's rules over their views, and render the
 * report in any format:
 *
 * ```ts
 * import { checkPaths, buildReport, render } from 'bulwark';
 * const run = checkPaths(['cdk.out']);
 * const report = buildReport(run.evaluation, { tool: { name: 'bulwark', version: VERSION }, inputs: ['cdk.out'], cwd: process.cwd() });
 * process.stdout.write(render('sarif', report));
 * ```
 */
export {
  checkPaths,
  checkGraph,
  loadSuppressions,
  packOrThrow,
  type CheckOptions,
  type CheckRun,
} from './check';
export {
  loadInput,
  adaptersForAll,
  SOURCES,
  type LoadedInput,
  type LoadOptions,
  type Source,
  type SourceRead,
} from './sources';
export { ResourceGraph } from './graph/graph';
export type { Resource, SourceKind, SourceLocation, InlineAcknowledgement } from './graph/resource';
export { ResourceRef, Unknown, isUnknown, isRef, type Value, type ValueObject } from './graph/values';
export * from './engine';
export type * from './views/kinds';
export { AdapterRegistry, ViewSet, type ViewAdapter, type AdapterContext } from './views/registry';
export { cloudFormationAdapters } from './views/cloudformation';
export { RULES } from '../policies/rules';
export { PACKS, DEFAULT_PACK, findPack } from '../policies/packs';
export {
  CATALOGS,
  resolveControl,
  catalogOf,
  type Catalog,
  type Control,
  type ControlGroup,
} from '../policies/controls';
export * from './report';
export { InputError, isInputError, type InputErrorCode } from './errors';
export { VERSION } from './version';
