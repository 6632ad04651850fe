import type { ResourceGraph } from '../../graph/graph';
import type { Resource } from '../../graph/resource';
import { Unknown, type Value } from '../../graph/values';
import type { PolicyDocument } from '../kinds';
import { terraformPolicyDocument } from '../common/terraform-policy';
import { arg } from './arguments';

/** A policy resource that attaches a document to another resource (`aws_sqs_queue_policy`). */
export interface TerraformPolicyAttachment {
  readonly type: string;
  /** Argument naming the resource the policy attaches to. */
  readonly targets: string;
  /** Argument holding the document. */
  readonly document: string;
}

/**
 * The resource policy of `r`: its inline document (left unset, the service's default policy, which grants
 * nothing beyond the owner) and those of the policy resources naming it (by reference or by value). One
 * naming it by a value another resource claims too makes the document unresolved.
 */
export function terraformResourcePolicy(
  r: Resource,
  graph: ResourceGraph,
  inline: Value | undefined,
  attachments: readonly TerraformPolicyAttachment[],
): PolicyDocument {
  const own = arg(inline);
  const docs: PolicyDocument[] = own === undefined ? [] : [terraformPolicyDocument(own, graph)];
  let uncertain: Unknown | undefined;
  for (const { type, targets, document } of attachments) {
    const found = graph.attachedBy(r.address, type, (p) => p.properties[targets]);
    for (const p of found.attached) docs.push(terraformPolicyDocument(p.properties[document], graph));
    const u = found.uncertain[0];
    if (u)
      uncertain ??= new Unknown(
        `policy \`${u.resource.address}\` may attach to \`${r.address}\` (${u.reason.reason})`,
      );
  }
  const unresolved = docs.find((d) => d.unresolved)?.unresolved ?? uncertain;
  const statements = docs.flatMap((d) => d.statements);
  return unresolved ? { statements, unresolved } : { statements };
}
