import { Unknown } from '../../graph/values';
import type { AccessGrantView, Fact, PolicyStatement } from '../kinds';

/**
 * The values a condition block gives `key` (compared case-insensitively, as IAM compares condition keys), across
 * every operator; undefined when no operator tests the key.
 */
export function conditionValues(
  conditions: PolicyStatement['conditions'],
  key: string,
): readonly Fact<string>[] | undefined {
  const k = key.toLowerCase();
  let out: Fact<string>[] | undefined;
  for (const block of Object.values(conditions)) {
    for (const [name, values] of Object.entries(block)) {
      if (name.toLowerCase() === k) (out ??= []).push(...values);
    }
  }
  return out;
}

/**
 * The first of `keys` the conditions test with a value that narrows it (anything but `*`), or undefined. A value that
 * cannot be resolved still narrows (the key is there, only its value is unknown), unless it depends on a template
 * condition (`Fn::If`), where one branch may leave the key out: then, when no other key narrows, the Unknown.
 */
export function narrowingCondition(
  conditions: PolicyStatement['conditions'],
  keys: readonly string[],
): string | Unknown | undefined {
  let conditional: Unknown | undefined;
  for (const key of keys) {
    const values = conditionValues(conditions, key);
    if (values === undefined || values.length === 0 || values.some((v) => v === '*')) continue;
    const branch = values.find(
      (v): v is Unknown => v instanceof Unknown && (v.display ?? '').includes('${If:'),
    );
    if (!branch) return key;
    conditional ??= new Unknown(`\`${key}\` ${branch.reason}`, branch.refs, branch.display);
  }
  return conditional;
}

/** A principal as the provider would classify it: everyone, a service, an account, or one identity. */
export function principalType(principal: Fact<string>): AccessGrantView['principalType'] {
  let p: string;
  if (principal instanceof Unknown) {
    // The account and partition deployed to (CloudFormation `!Ref AWS::AccountId`, `arn:${AWS::Partition}:iam::...:root`;
    // Terraform `data.aws_caller_identity.<name>.account_id`, `data.aws_partition.<name>.partition`) tell the kind of
    // principal; any other unresolved part leaves it unknown.
    const shown = (principal.display ?? '')
      .replace(/\$\{AWS::AccountId\}|\$\{data\.aws_caller_identity\.[^.}]+\.account_id\}/g, '000000000000')
      .replace(/\$\{AWS::Partition\}|\$\{data\.aws_partition\.[^.}]+\.partition\}/g, 'aws');
    if (shown === '' || shown.includes('${')) return principal;
    p = shown;
  } else p = principal;
  if (p === '*') return 'everyone';
  if (/^\d{12}$/.test(p) || /^arn:[^:]+:iam::\d{12}:root$/.test(p)) return 'account';
  if (/^arn:/.test(p)) return 'identity';
  // Service principals: `s3.amazonaws.com`, `events.amazonaws.com.cn`, `alexa-appkit.amazon.com`.
  if (/^[a-z0-9.-]+\.amazon(aws)?\.com(\.cn)?$/i.test(p)) return 'service';
  return new Unknown(`principal \`${p}\` is neither \`*\`, an account, an ARN nor a service`);
}
