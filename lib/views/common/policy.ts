import { ResourceRef, Unknown, asList, isObject, show, type Value } from '../../graph/values';
import type { Fact, PolicyDocument, PolicyStatement } from '../kinds';

/**
 * Normalise an IAM-style policy document (AWS JSON policy grammar, as CloudFormation, Terraform and
 * the IAM API all write it). A string document is parsed as JSON. An unresolvable document is
 * kept as `unresolved`.
 */
export function parsePolicyDocument(doc: Value | undefined): PolicyDocument {
  if (doc === undefined || doc === null) return { statements: [] };
  if (typeof doc === 'string') {
    try {
      return parsePolicyDocument(JSON.parse(decodeURIComponent(doc)) as Value);
    } catch {
      try {
        return parsePolicyDocument(JSON.parse(doc) as Value);
      } catch {
        return { statements: [], unresolved: new Unknown('policy document is not valid JSON') };
      }
    }
  }
  if (doc instanceof Unknown || doc instanceof ResourceRef) {
    return {
      statements: [],
      unresolved: doc instanceof Unknown ? doc : new Unknown(`policy document is ${doc.toString()}`, [doc]),
    };
  }
  if (!isObject(doc)) return { statements: [], unresolved: new Unknown(`policy document is ${show(doc)}`) };
  const st = doc.Statement;
  if (st instanceof Unknown) return { statements: [], unresolved: st };
  return { statements: asList(st).filter(isObject).map(statement) };
}

function statement(s: { [k: string]: Value }): PolicyStatement {
  const effect =
    s.Effect === 'Allow' || s.Effect === 'Deny'
      ? s.Effect
      : new Unknown(`statement effect is ${show(s.Effect)}`);
  return {
    sid: typeof s.Sid === 'string' ? s.Sid : undefined,
    effect,
    actions: strings(s.Action),
    notActions: strings(s.NotAction),
    resources: strings(s.Resource),
    notResources: strings(s.NotResource),
    principals: principals(s.Principal),
    conditions: conditions(s.Condition),
  };
}

function str(v: Value): Fact<string> {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Unknown) return v;
  if (v instanceof ResourceRef)
    return new Unknown(`reference to ${v.toString()}`, [v], `\${${v.toString()}}`);
  return new Unknown(`unexpected value ${show(v)}`);
}

function strings(v: Value | undefined): Fact<string>[] {
  if (v instanceof Unknown) return [v];
  return asList(v).map(str);
}

function principals(p: Value | undefined): Fact<string>[] {
  if (p === undefined) return [];
  if (p === '*') return ['*'];
  if (p instanceof Unknown) return [p];
  if (!isObject(p)) return [str(p)];
  const out: Fact<string>[] = [];
  for (const [kind, v] of Object.entries(p)) {
    for (const x of strings(v)) out.push(kind === 'AWS' && x === '*' ? '*' : x);
  }
  return out;
}

function conditions(c: Value | undefined): Record<string, Record<string, Fact<string>[]>> {
  const out: Record<string, Record<string, Fact<string>[]>> = {};
  if (!isObject(c)) return out;
  for (const [op, block] of Object.entries(c)) {
    if (!isObject(block)) continue;
    const m: Record<string, Fact<string>[]> = {};
    for (const [key, v] of Object.entries(block)) m[key] = strings(v);
    out[op] = m;
  }
  return out;
}

/** Whether a statement denies requests made without TLS (`aws:SecureTransport` = false). */
export function deniesInsecureTransport(s: PolicyStatement): boolean {
  if (s.effect !== 'Deny') return false;
  for (const [op, block] of Object.entries(s.conditions)) {
    if (!/^Bool(IfExists)?$/i.test(op)) continue;
    for (const [key, values] of Object.entries(block)) {
      if (key.toLowerCase() === 'aws:securetransport' && values.some((v) => v === 'false')) return true;
    }
  }
  return false;
}

/** Whether an Allow statement grants everyone (`Principal: "*"`) without a restricting condition. */
export function allowsPublic(s: PolicyStatement): boolean {
  if (s.effect !== 'Allow') return false;
  if (!s.principals.some((p) => p === '*')) return false;
  const restricting = [
    'aws:sourcearn',
    'aws:sourceaccount',
    'aws:sourcevpce',
    'aws:sourcevpc',
    'aws:principalorgid',
    'aws:principalaccount',
    'aws:sourceip',
    'aws:principalarn',
    'aws:sourceowner',
  ];
  for (const block of Object.values(s.conditions)) {
    for (const key of Object.keys(block)) if (restricting.includes(key.toLowerCase())) return false;
  }
  return true;
}

const actionPatterns = new Map<string, RegExp>();

/**
 * Whether an IAM action pattern (`iam:Pass*`, `s3:Get?bject`, `*`) matches `action`,
 * case-insensitively, as IAM compares them. Compiled patterns are cached.
 */
export function actionMatches(pattern: string, action: string): boolean {
  let re = actionPatterns.get(pattern);
  if (!re) {
    const body = pattern
      .split('*')
      .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\?/g, '.'))
      .join('.*');
    re = new RegExp(`^${body}$`, 'i');
    actionPatterns.set(pattern, re);
  }
  return re.test(action);
}
