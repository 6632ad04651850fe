import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, asBool, asString, refsIn, show, type Value } from '../../graph/values';
import type { EventRouteView, Fact } from '../kinds';
import { matched, patternOf } from '../common/event-patterns';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';
import { unset } from './arguments';

const RULE = 'aws_cloudwatch_event_rule';
const TARGET = 'aws_cloudwatch_event_target';

/** The bus a rule listens on, by name: `default` when unset or named by the default bus's ARN. */
function busOf(bus: Value | undefined, ctx: AdapterContext): Fact<string> {
  if (unset(bus)) return 'default';
  if (bus instanceof ResourceRef) {
    const name = asString(ctx.graph.get(bus.address)?.properties.name);
    return name ?? bus.address;
  }
  const name = asString(bus);
  if (name === undefined) return new Unknown(`event bus is ${show(bus)}`);
  if (name instanceof Unknown) {
    const ref = refsIn(name)[0];
    const named = ref && asString(ctx.graph.get(ref.address)?.properties.name);
    return typeof named === 'string' ? named : name;
  }
  return /(^|:event-bus\/)default$/.test(name) ? 'default' : name;
}

/** Enabled unless `state` is `DISABLED` or the older `is_enabled` is false. */
function enabledOf(r: Resource): Fact<boolean> {
  const p = r.properties;
  if (!unset(p.state)) {
    const state = asString(p.state);
    return state instanceof Unknown ? state : state !== 'DISABLED';
  }
  if (!unset(p.is_enabled)) return asBool(p.is_enabled) ?? true;
  return true;
}

/** A target's `arn`: the address of the graph resource it references, else the ARN as written. */
function targetOf(t: Resource): Fact<string> {
  const arn = t.properties.arn;
  if (arn instanceof ResourceRef) return arn.address;
  if (arn instanceof Unknown) return refsIn(arn)[0]?.address ?? arn;
  return asString(arn) ?? new Unknown(`\`${displayName(t)}\` names no target ARN`);
}

/**
 * `aws_cloudwatch_event_rule` -> event route: the bus it listens on (`event_bus_name`, default bus when
 * unset), whether it is enabled (`state`, or the older `is_enabled`; enabled by default), the sources
 * and detail types its `event_pattern` matches, and the `aws_cloudwatch_event_target`s naming it
 * (`rule`). A target that may name it, by a rule name two rules share, is not counted.
 */
export function eventRuleView(r: Resource, ctx: AdapterContext): EventRouteView {
  const p = r.properties;
  const pattern = unset(p.event_pattern) ? undefined : patternOf(p.event_pattern);
  const bus = busOf(p.event_bus_name, ctx);
  const targets = ctx.graph
    .attachedBy(r.address, TARGET, (t) => t.properties.rule)
    .attached.filter((t) => {
      const tb = busOf(t.properties.event_bus_name, ctx);
      return typeof tb !== 'string' || typeof bus !== 'string' || tb === bus;
    })
    .map(targetOf);
  return {
    kind: 'event-route',
    resource: r,
    name: displayName(r),
    enabled: enabledOf(r),
    bus,
    sources:
      pattern === undefined ? undefined : pattern instanceof Unknown ? pattern : matched(pattern, 'source'),
    detailTypes:
      pattern === undefined
        ? undefined
        : pattern instanceof Unknown
          ? pattern
          : matched(pattern, 'detail-type'),
    targets,
  };
}

/** Event-route views of the AWS provider's EventBridge rules. */
export function registerEvents(registry: AdapterRegistry): void {
  registry.register('terraform', RULE, eventRuleView);
}
