import type { Resource } from '../../graph/resource';
import { ResourceRef, Unknown, asBool, asString, type Value } from '../../graph/values';
import type { AccessGrantView, Fact, PolicyStatement } from '../kinds';
import { principalType } from '../common/grants';
import { displayName } from '../common/naming';
import type { AdapterContext, AdapterRegistry } from '../registry';

/** The function a permission is on: the address of a function of the graph, or the name or ARN as written. */
function functionScope(v: Value | undefined, ctx: AdapterContext): Fact<string> {
  const isFunction = (address: string) => ctx.graph.get(address)?.type === 'AWS::Lambda::Function';
  if (v instanceof ResourceRef) return v.address;
  if (v instanceof Unknown) {
    const ref = v.refs.find((r) => isFunction(r.address));
    return ref ? ref.address : v;
  }
  return asString(v) ?? new Unknown('permission names no function');
}

/**
 * `AWS::Lambda::Permission` -> access grant on a function, with its properties written as the conditions Lambda adds
 * to the function's resource policy: `SourceArn` (`ArnLike aws:SourceArn`), `SourceAccount`, `PrincipalOrgID`,
 * `EventSourceToken` (Alexa), `FunctionUrlAuthType` and `InvokedViaFunctionUrl`.
 */
export function lambdaPermissionView(r: Resource, ctx: AdapterContext): AccessGrantView {
  const p = r.properties;
  const principal = asString(p.Principal) ?? new Unknown('permission names no principal');
  const conditions: Record<string, Record<string, Fact<string>[]>> = {};
  const add = (op: string, key: string, v: Value | undefined) => {
    if (v === undefined || v === null) return;
    const value = typeof v === 'boolean' ? String(v) : (asString(v) ?? new Unknown(`empty \`${key}\``));
    (conditions[op] ??= {})[key] = [value];
  };
  add('ArnLike', 'aws:SourceArn', p.SourceArn);
  add('StringEquals', 'aws:SourceAccount', p.SourceAccount);
  add('StringEquals', 'aws:PrincipalOrgID', p.PrincipalOrgID);
  add('StringEquals', 'lambda:EventSourceToken', p.EventSourceToken);
  add('StringEquals', 'lambda:FunctionUrlAuthType', p.FunctionUrlAuthType);
  const viaUrl = asBool(p.InvokedViaFunctionUrl);
  if (viaUrl !== undefined && viaUrl !== false) add('Bool', 'lambda:InvokedViaFunctionUrl', viaUrl as Value);
  return {
    kind: 'access-grant',
    resource: r,
    name: displayName(r),
    scope: functionScope(p.FunctionName, ctx),
    scopeType: 'function',
    principal,
    principalType: principalType(principal),
    actions: [asString(p.Action) ?? new Unknown('permission names no action')],
    conditions: conditions as PolicyStatement['conditions'],
  };
}

/** Lambda permissions -> access-grant views. */
export function registerGrants(registry: AdapterRegistry): void {
  registry.register('cloudformation', 'AWS::Lambda::Permission', lambdaPermissionView);
}
