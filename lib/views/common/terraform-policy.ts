import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import {
  ResourceRef,
  Unknown,
  asList,
  isObject,
  show,
  type Value,
  type ValueObject,
} from '../../graph/values';
import type { PolicyDocument, PolicyStatement } from '../kinds';
import { parsePolicyDocument } from './policy';

/** The Terraform data source that renders a policy document from blocks. */
export const POLICY_DOCUMENT_DATA = 'data.aws_iam_policy_document';

/**
 * A policy document as a Terraform argument gives it (`policy`, `assume_role_policy`): a JSON string,
 * or the `json` of a `data.aws_iam_policy_document` (a reference in `cdk.tf.json`, a value known
 * only after apply whose expression references it in a plan). The data source's `statement` blocks
 * are read with its `source_policy_documents` / `source_json` before them and its
 * `override_policy_documents` / `override_json` after, a later statement replacing an earlier one of
 * the same `sid`, as the provider merges them. A value that names no document, or several, stays
 * unresolved.
 */
export function terraformPolicyDocument(value: Value | undefined, graph: ResourceGraph): PolicyDocument {
  return terraformPolicyDocumentAt(value, graph, 0);
}

/** `${aws_sqs_queue.jobs.arn}`: an interpolation naming an attribute of a resource or data source. */
const RESOURCE_INTERPOLATION = /^\$\{((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)(?:\.[A-Za-z0-9_.]+)?\}$/;

/** The interpolations of a text, `$${...}` (an escaped, literal `${...}`, as IAM policy variables are written) left out. */
function interpolations(text: string): string[] {
  return [...text.matchAll(/(\$?)(\$\{[^}]*\})/g)].filter((m) => m[1] === '').map((m) => m[2]!);
}

/**
 * A JSON document written with interpolations inside its strings (`"Resource":
 * "${aws_dynamodb_table.t.arn}"`, as CDKTF writes a policy naming another resource): the document,
 * each string holding an interpolation an {@link Unknown} rendered as written (so a store's ARN, as a
 * reference renders it, matches), with the references it names. Undefined when the value is not such a
 * document; an Unknown when an interpolation names anything but an attribute of a declared resource (a
 * variable, a function call), whose value could be `*` anywhere in the document.
 */
function interpolatedJson(value: Value | undefined): Value | Unknown | undefined {
  if (!(value instanceof Unknown) || value.display === undefined) return undefined;
  const text = value.display.trim();
  if (!text.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  for (const i of interpolations(text)) {
    const m = RESOURCE_INTERPOLATION.exec(i);
    const named = m !== null && value.refs.some((r) => r.address === m[1] || r.address.endsWith(`/${m[1]}`));
    if (!named)
      return new Unknown(`the policy document interpolates \`${i}\`, which is not resolved`, value.refs);
  }
  const convert = (v: unknown): Value => {
    if (typeof v === 'string') {
      const own = interpolations(v);
      if (own.length === 0) return v.replace(/\$\$\{/g, '${');
      const refs = value.refs.filter((r) =>
        own.some((i) => i.includes(r.address.slice(r.address.lastIndexOf('/') + 1))),
      );
      return new Unknown(`\`${v}\` is known only after apply`, refs, v);
    }
    if (Array.isArray(v)) return v.map(convert);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, convert(x)]),
      );
    return v as Value;
  };
  return convert(parsed);
}

/** The `data.aws_iam_policy_document` a value renders, an Unknown when it may render several, or undefined. */
function policyDocumentSource(
  value: Value | undefined,
  graph: ResourceGraph,
): Resource | Unknown | undefined {
  let refs: readonly ResourceRef[];
  if (value instanceof ResourceRef) refs = [value];
  else if (value instanceof Unknown) refs = value.refs;
  else return undefined;
  const docs = new Map<string, Resource>();
  for (const ref of refs) {
    const r = graph.get(ref.address);
    if (r?.type === POLICY_DOCUMENT_DATA) docs.set(r.address, r);
  }
  if (docs.size === 1) return [...docs.values()][0];
  if (docs.size > 1)
    return new Unknown(
      `the policy document is one of ${[...docs.keys()].map((a) => `\`${a}\``).join(', ')}`,
      refs,
    );
  return undefined;
}

/** The statements a `data.aws_iam_policy_document` renders. */
function dataPolicyDocument(data: Resource, graph: ResourceGraph, depth = 0): PolicyDocument {
  const p = data.properties;
  const merged: PolicyStatement[] = [];
  let unresolved: Unknown | undefined;
  const add = (doc: PolicyDocument) => {
    unresolved ??= doc.unresolved;
    for (const s of doc.statements) {
      const same = s.sid === undefined ? -1 : merged.findIndex((m) => m.sid === s.sid);
      if (same >= 0) merged[same] = s;
      else merged.push(s);
    }
  };
  const documents = (v: Value | undefined): PolicyDocument[] => {
    if (v instanceof Unknown) return [{ statements: [], unresolved: v }];
    return asList(v).map((d) =>
      depth < 4
        ? terraformPolicyDocumentAt(d, graph, depth + 1)
        : { statements: [], unresolved: new Unknown('policy documents nest too deep') },
    );
  };
  for (const d of [...documents(p.source_json), ...documents(p.source_policy_documents)]) add(d);
  const blocks = p.statement;
  if (blocks instanceof Unknown) add({ statements: [], unresolved: blocks });
  else {
    const list = asList(blocks).filter(isObject);
    // A block whose principals or conditions are unknown may narrow or widen the statement.
    const open = list.flatMap((b) => [b.principals, b.condition]).find((x) => x instanceof Unknown);
    if (open instanceof Unknown) add({ statements: [], unresolved: open });
    add(parsePolicyDocument({ Statement: list.map(statementOf) }));
  }
  for (const d of [...documents(p.override_json), ...documents(p.override_policy_documents)]) add(d);
  return unresolved ? { statements: merged, unresolved } : { statements: merged };
}

function terraformPolicyDocumentAt(
  value: Value | undefined,
  graph: ResourceGraph,
  depth: number,
): PolicyDocument {
  const source = policyDocumentSource(value, graph);
  if (source instanceof Unknown) return { statements: [], unresolved: source };
  if (source) return dataPolicyDocument(source, graph, depth);
  return parsePolicyDocument(interpolatedJson(value) ?? value);
}

/** One `statement` block as the JSON statement the provider renders (`effect` defaults to `Allow`). */
function statementOf(b: ValueObject): ValueObject {
  const s: ValueObject = { Effect: b.effect ?? 'Allow' };
  if (typeof b.sid === 'string' && b.sid !== '') s.Sid = b.sid;
  const copy = (from: string, to: string) => {
    const v = b[from];
    if (v !== undefined && v !== null) s[to] = v;
  };
  copy('actions', 'Action');
  copy('not_actions', 'NotAction');
  copy('resources', 'Resource');
  copy('not_resources', 'NotResource');
  const principals = principalsOf(b.principals);
  if (principals !== undefined) s.Principal = principals;
  const conditions = conditionsOf(b.condition);
  if (conditions !== undefined) s.Condition = conditions;
  return s;
}

/** `principals { type, identifiers }` blocks as a JSON `Principal`: `type = "*"` is everyone. */
function principalsOf(v: Value | undefined): Value | undefined {
  if (v instanceof Unknown) return undefined;
  const blocks = asList(v);
  if (blocks.length === 0) return undefined;
  const out: ValueObject = {};
  for (const b of blocks) {
    if (!isObject(b)) return new Unknown(`principals block is ${show(b)}`);
    const type = b.type;
    if (type === '*') return '*';
    if (typeof type !== 'string') return new Unknown(`principal type is ${show(type)}`);
    const ids = b.identifiers instanceof Unknown ? [b.identifiers] : asList(b.identifiers);
    const prior = out[type];
    out[type] = [...(Array.isArray(prior) ? prior : []), ...ids];
  }
  return out;
}

/** `condition { test, variable, values }` blocks as a JSON `Condition`. */
function conditionsOf(v: Value | undefined): Value | undefined {
  if (v instanceof Unknown) return undefined;
  const blocks = asList(v);
  if (blocks.length === 0) return undefined;
  const out: Record<string, ValueObject> = {};
  for (const b of blocks) {
    if (!isObject(b)) continue;
    const test = typeof b.test === 'string' ? b.test : show(b.test);
    const variable = typeof b.variable === 'string' ? b.variable : show(b.variable);
    const block = (out[test] ??= {});
    const values = b.values instanceof Unknown ? [b.values] : asList(b.values);
    const prior = block[variable];
    block[variable] = [...(Array.isArray(prior) ? prior : []), ...values];
  }
  return out;
}
