import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, asList, asString, get, refsIn, show, type Value } from '../../graph/values';
import type { EventRouteView, Fact } from '../kinds';
import { displayName } from '../common/naming';
import { matched, patternOf } from '../common/event-patterns';
import type { AdapterContext, AdapterRegistry } from '../registry';

/** A target's ARN: the address of the graph resource it references, else the ARN as written. */
function target(t: Value): Fact<string> {
  const arn = get(t, 'Arn');
  if (arn instanceof ResourceRef) return arn.address;
  if (arn instanceof Unknown) {
    const ref = refsIn(arn)[0];
    return ref && !(arn.display ?? '').includes('${If:') ? ref.address : arn;
  }
  return asString(arn) ?? new Unknown('the target names no ARN');
}

/** The bus a rule listens on, by name: `default` when absent or named by the default bus's ARN. */
function busOf(bus: Value | undefined, ctx: AdapterContext): Fact<string> {
  if (bus === undefined || bus === null) return 'default';
  if (bus instanceof ResourceRef) {
    const name = asString(ctx.graph.get(bus.address)?.properties.Name);
    return name ?? bus.address;
  }
  const name = asString(bus);
  if (name === undefined) return new Unknown(`event bus is ${show(bus)}`);
  if (name instanceof Unknown) return name;
  return /(^|:event-bus\/)default$/.test(name) ? 'default' : name;
}

/**
 * `AWS::Events::Rule` -> event route: the bus it listens on (default bus unless `EventBusName` names
 * another), whether it is enabled (`State` other than `DISABLED`; default enabled), the sources and
 * detail types its pattern matches, and its targets.
 */
export function ruleView(r: Resource, ctx: AdapterContext): EventRouteView {
  const p = r.properties;
  const bus = p.EventBusName;
  const state = asString(p.State);
  const pattern = patternOf(p.EventPattern);
  const targets = p.Targets;
  return {
    kind: 'event-route',
    resource: r,
    name: displayName(r),
    enabled: state instanceof Unknown ? state : state !== 'DISABLED',
    bus: busOf(bus, ctx),
    sources:
      pattern === undefined ? undefined : pattern instanceof Unknown ? pattern : matched(pattern, 'source'),
    detailTypes:
      pattern === undefined
        ? undefined
        : pattern instanceof Unknown
          ? pattern
          : matched(pattern, 'detail-type'),
    targets: targets instanceof Unknown ? [targets] : asList(targets).map(target),
  };
}

/** Event-route views for `AWS::Events::Rule`. */
export function registerEvents(registry: AdapterRegistry): void {
  registry.register('cloudformation', 'AWS::Events::Rule', ruleView);
}
