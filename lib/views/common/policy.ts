import { wildcardMatch } from './wildcard';
import { ResourceRef, Unknown, asList, isObject, show, type Value } from '../../graph/values';
import type { Fact, PolicyDocument, PolicyStatement } from '../kinds';
import { classifyPrincipal } from './grants';

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
  const sid = typeof s.Sid === 'string' ? s.Sid : undefined;
  const actions = strings(s.Action);
  const notActions = strings(s.NotAction);
  const resources = strings(s.Resource);
  const notResources = strings(s.NotResource);
  // One literal per shape rather than a spread in the middle, which builds the object key by key.
  if (s.NotPrincipal === undefined)
    return {
      sid,
      effect,
      actions,
      notActions,
      resources,
      notResources,
      principals: principals(s.Principal),
      conditions: conditions(s.Condition),
    };
  return {
    sid,
    effect,
    actions,
    notActions,
    resources,
    notResources,
    principals: allBut(effect),
    notPrincipals: principals(s.NotPrincipal),
    conditions: conditions(s.Condition),
  };
}

/**
 * The principals of a `NotPrincipal` statement: every principal but those listed. An Allow so grants
 * everyone else (`*`, as public as `Principal: "*"`); a Deny covers everyone but the listed, which is
 * not every principal, so it names none that a rule could count on. An unknown effect: unknown.
 */
function allBut(effect: PolicyStatement['effect']): Fact<string>[] {
  if (effect === 'Allow') return ['*'];
  if (effect === 'Deny') return [];
  return [effect];
}

function str(v: Value): Fact<string> {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Unknown) return v;
  if (v instanceof ResourceRef)
    return new Unknown(`reference to ${v.toString()}`, [v], `\${${v.toString()}}`);
  return new Unknown(`unexpected value ${show(v)}`);
}

/**
 * An absent list (most statements have no `NotAction`, `NotResource` or `NotPrincipal`): one list, shared by every
 * statement that views keep.
 */
const NONE: readonly Fact<string>[] = Object.freeze([]);

function strings(v: Value | undefined): readonly Fact<string>[] {
  if (v instanceof Unknown) return [v];
  if (v === undefined || v === null) return NONE;
  return Array.isArray(v) ? v.map(str) : [str(v)];
}

function principals(p: Value | undefined): readonly Fact<string>[] {
  if (p === undefined) return NONE;
  if (p === '*') return ['*'];
  if (p instanceof Unknown) return [p];
  if (!isObject(p)) return [str(p)];
  // The values of every principal kind (`AWS: "*"` is everyone, as `"*"` is), in lists of their own length:
  // statements stay in views for the whole evaluation.
  let out: readonly Fact<string>[] = NONE;
  for (const kind of Object.keys(p)) {
    const values = strings(p[kind]);
    out = out.length === 0 ? values : out.concat(values);
  }
  return out;
}

function conditions(c: Value | undefined): Record<string, Record<string, readonly Fact<string>[]>> {
  const out: Record<string, Record<string, readonly Fact<string>[]>> = {};
  if (!isObject(c)) return out;
  for (const op of Object.keys(c)) {
    const block = c[op];
    if (!isObject(block)) continue;
    const m: Record<string, readonly Fact<string>[]> = {};
    for (const key of Object.keys(block)) m[key] = strings(block[key]);
    out[op] = m;
  }
  return out;
}

/** What a deny of requests without TLS must cover for a store to accept TLS only. */
export interface TlsDenyScope {
  /**
   * Actions the deny must cover: `s3:*` (every action of the service), or the action that carries
   * data into the store where the service's own guidance names one (`sns:Publish`). `*` covers any.
   */
  readonly actions: readonly string[];
  /**
   * Renderings of the store's ARN the policy may use: literal (`arn:aws:s3:::logs`), unresolved
   * (`arn:aws:s3:::${AppName}-logs`), or a reference (`${Stack/Bucket.Arn}`).
   */
  readonly arns: readonly string[];
  /** The deny must also cover every sub-resource, `<arn>/*`: the objects of a bucket. */
  readonly subResources?: boolean;
}

/**
 * Whether a statement denies every request made without TLS (`aws:SecureTransport` = false) to a
 * store: `Deny` for every principal, on every action of `scope` (no `NotAction`), on the store and,
 * where it has them, all its sub-resources (no `NotResource`), with no other condition narrowing it.
 * A deny on one prefix (`bucket/AWSLogs/*`) leaves the rest of the bucket open.
 */
export function deniesInsecureTransport(s: PolicyStatement, scope: TlsDenyScope): boolean {
  // The one condition key of the statement, found without building the list of every key.
  let only: { op: string; key: string; values: readonly Fact<string>[] } | undefined;
  for (const op of Object.keys(s.conditions)) {
    const block = s.conditions[op]!;
    for (const key of Object.keys(block)) {
      if (only) return false;
      only = { op, key, values: block[key]! };
    }
  }
  if (!only) return false;
  const { op, key, values } = only;
  if (!/^Bool(IfExists)?$/i.test(op) || key.toLowerCase() !== 'aws:securetransport') return false;
  if (!values.some((v) => v === 'false')) return false;
  return deniesEveryoneOnStore(s, scope);
}

/**
 * Whether a `Deny` statement covers every principal, every action of `scope` (no `NotAction`) and the
 * whole store: the store itself and, where it has them, all its sub-resources (no `NotResource`).
 * Its conditions are the caller's to read (TLS-only, TLS version floor).
 */
export function deniesEveryoneOnStore(s: PolicyStatement, scope: TlsDenyScope): boolean {
  if (s.effect !== 'Deny' || !s.principals.includes('*')) return false;
  if (s.notActions.length > 0 || s.notResources.length > 0) return false;
  // Loops over the statement as it is: this runs for every statement of every store's policies.
  for (const needed of scope.actions) {
    let covered = false;
    for (const a of s.actions)
      if (typeof a === 'string' && actionCovers(a, needed)) {
        covered = true;
        break;
      }
    if (!covered) return false;
  }
  let store = false;
  let subResources = !scope.subResources;
  for (const r of s.resources) {
    const p = typeof r === 'string' ? r : r.display;
    if (p === undefined) continue;
    if (!store && scope.arns.some((arn) => globMatches(p, arn))) store = true;
    if (!subResources && p.endsWith('*')) {
      const prefix = p.slice(0, -1);
      subResources = scope.arns.some((arn) => globMatchesPrefix(prefix, `${arn}/`));
    }
    if (store && subResources) return true;
  }
  return false;
}

/** Whether an action pattern covers every action `needed` names (`s3:*` is covered by `*`, `s3:*`). */
function actionCovers(pattern: string, needed: string): boolean {
  if (!needed.includes('*')) return actionMatches(pattern, needed);
  return actionMatches(pattern, needed) && actionMatches(pattern, needed.replace(/\*/g, ''));
}

/** Whether a resource pattern matches the whole of `subject`. */
function globMatches(pattern: string, subject: string): boolean {
  return wildcardMatch(pattern, subject);
}

/** Whether a resource pattern matches a prefix of `subject` (then `pattern*` covers all of `subject...`). */
function globMatchesPrefix(pattern: string, subject: string): boolean {
  return wildcardMatch(`${pattern}*`, subject);
}

/** Condition keys that confine a grant to an account, organisation, source or network. */
const RESTRICTING = [
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

function restricted(s: PolicyStatement): boolean {
  return Object.values(s.conditions).some((block) =>
    Object.keys(block).some((key) => RESTRICTING.includes(key.toLowerCase())),
  );
}

/** Whether an Allow statement grants everyone (`Principal: "*"`) without a restricting condition. */
export function allowsPublic(s: PolicyStatement): boolean {
  if (s.effect !== 'Allow') return false;
  if (!s.principals.some((p) => p === '*')) return false;
  return !restricted(s);
}

/**
 * Why a statement that does not name everyone may still grant everyone: an Allow (or a statement of
 * unresolved effect) without a restricting condition whose principal cannot be resolved to anything
 * narrower (a parameter or variable, which may be `*`). A principal that references a resource (a
 * role's ARN) or only lacks the deploying account or partition is not everyone. Undefined otherwise.
 */
export function mayAllowPublic(s: PolicyStatement): Unknown | undefined {
  if (s.effect === 'Deny' || restricted(s) || allowsPublic(s)) return undefined;
  if (s.effect instanceof Unknown && s.principals.length > 0) return s.effect;
  for (const p of s.principals) {
    if (!(p instanceof Unknown) || p.refs.length > 0) continue;
    // Only a value that is all unresolved parts can be `*`: one with literal text around them
    // (`arn:aws:iam::${AWS::AccountId}:role/${Name}`, `logs.${AWS::Region}.amazonaws.com`) names
    // an identity, an account or a service.
    if (p.display !== undefined && p.display.replace(/\$\{[^}]*\}/g, '') !== '') continue;
    const kind = classifyPrincipal(p);
    if (kind instanceof Unknown)
      return new Unknown(`a principal cannot be resolved (${p.reason})`, [], p.display);
  }
  return undefined;
}

/**
 * Whether a policy document grants everyone: true when a statement does; else an Unknown when a
 * statement may (its principal unresolved) or the document cannot be resolved; else false.
 */
export function documentAllowsPublic(doc: PolicyDocument): Fact<boolean> {
  if (doc.statements.some(allowsPublic)) return true;
  for (const s of doc.statements) {
    const maybe = mayAllowPublic(s);
    if (maybe) return maybe;
  }
  return doc.unresolved ?? false;
}

/**
 * Whether an IAM action pattern (`iam:Pass*`, `s3:Get?bject`, `*`) matches `action`,
 * case-insensitively, as IAM compares them.
 */
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardMatch(pattern, action, IGNORE_CASE);
}

/** IAM actions compare case-insensitively (one options object for every match). */
const IGNORE_CASE = { ignoreCase: true } as const;
