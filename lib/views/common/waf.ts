import { Unknown, asList, asString, get, isObject, show, type Value } from '../../graph/values';
import type { Fact, WafRuleAction, WebApplicationFirewallView } from '../kinds';

/* AWS WAF web ACL rules as the WAF API spells them (`Name`, `Priority`, `Action: { Block: {} }`). */

const WAF_ACTIONS: Readonly<Record<string, WafRuleAction>> = {
  Block: 'block',
  Allow: 'allow',
  Count: 'count',
  Captcha: 'captcha',
  Challenge: 'challenge',
};

/** The one key of an action block (`{ Block: {} }`), mapped; Unknown when it is not one known action. */
export function wafActionOf(v: Value | undefined, what: string): Fact<WafRuleAction> {
  if (v instanceof Unknown) return v;
  const keys = isObject(v) ? Object.keys(v) : [];
  const action = keys.length === 1 ? WAF_ACTIONS[keys[0]!] : undefined;
  return action ?? new Unknown(`${what} is ${show(v)}`);
}

/** What a web ACL rule does: its `Action`, or for a rule-group statement its `OverrideAction`. */
export function wafRuleAction(rule: Value, name: string): Fact<WafRuleAction> {
  if (rule instanceof Unknown) return rule;
  const override = get(rule, 'OverrideAction');
  if (override !== undefined) {
    if (override instanceof Unknown) return override;
    if (isObject(override) && Object.keys(override).length === 1 && 'None' in override) return 'rule-group';
    return wafActionOf(override, `the override action of rule \`${name}\``);
  }
  return wafActionOf(get(rule, 'Action'), `the action of rule \`${name}\``);
}

/** A web ACL's default action (`{ Allow: {} }` or `{ Block: {} }`). */
export function wafDefaultAction(v: Value | undefined): WebApplicationFirewallView['defaultAction'] {
  const def = wafActionOf(v, 'the default action');
  return def instanceof Unknown || def === 'allow' || def === 'block'
    ? def
    : new Unknown(`the default action is ${show(v)}`);
}

/** A rule as evaluated: its name, action and priority (its position when it has none). */
export interface WafRule {
  readonly name: string;
  readonly action: Fact<WafRuleAction>;
  readonly priority: number;
}

/** The rules of a list in the WAF API shape. */
export function wafRules(list: Value | undefined): WafRule[] {
  return asList(list).map((rule, i) => {
    const n = asString(get(rule, 'Name'));
    const name = typeof n === 'string' ? n : `rule ${i + 1}`;
    const priority = get(rule, 'Priority');
    return { name, action: wafRuleAction(rule, name), priority: typeof priority === 'number' ? priority : i };
  });
}

/** Rules in evaluation order (ascending priority), as the view records them. */
export function inEvaluationOrder(
  rules: readonly WafRule[],
): { readonly name: string; readonly action: Fact<WafRuleAction> }[] {
  return [...rules].sort((a, b) => a.priority - b.priority).map(({ name, action }) => ({ name, action }));
}
