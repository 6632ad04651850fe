import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';
import { cloudOfResource } from '../../../lib/engine/clouds';
import {
  Classification,
  atLeast,
  parseClassification,
  requirementsFor,
  tagValue,
} from '../../../lib/classification';
import type { DataStoreType, Fact, PolicyStatement } from '../../../lib/views/kinds';

/** Stores whose access a resource policy can govern. */
const SCOPE: readonly DataStoreType[] = ['object-store', 'queue', 'topic', 'table', 'secret'];

const CLEARANCE_KEY = 'aws:principaltag/clearance';
const NETWORK_KEYS = ['aws:sourcevpce', 'aws:sourcevpc'];
const MFA_KEY = 'aws:multifactorauthpresent';

/** Negated string operators: the Deny applies when the request's value is none of the listed ones (or absent). */
const NOT_EQUALS = /^(ForAnyValue:)?StringNotEquals(IgnoreCase)?(IfExists)?$/;
const NOT_EQUALS_OR_LIKE = /^(ForAnyValue:)?StringNot(Equals|Like)(IgnoreCase)?(IfExists)?$/;

/** Whether a requirement is met by a statement, is not, or cannot be told. */
type Met = Fact<boolean>;

/** The condition values of `s` on `key` (lower case) under operators matching `op`, one list per block. */
function conditionValues(s: PolicyStatement, op: RegExp, key: string): (readonly Fact<string>[])[] {
  const out: (readonly Fact<string>[])[] = [];
  for (const [operator, block] of Object.entries(s.conditions)) {
    if (!op.test(operator)) continue;
    for (const [k, values] of Object.entries(block)) if (k.toLowerCase() === key) out.push(values);
  }
  return out;
}

/** Whether a statement denies everyone: a Deny for `Principal: "*"`. An unresolved effect or principal is Unknown. */
function deniesEveryone(s: PolicyStatement): Met {
  if (s.effect instanceof Unknown) return s.effect;
  if (s.effect !== 'Deny') return false;
  if (s.principals.includes('*')) return true;
  return s.principals.find((p): p is Unknown => p instanceof Unknown) ?? false;
}

/**
 * A Deny to everyone whose clearance is not one of the listed values, every listed value a clearance of at
 * least `level` (a value below it would admit principals cleared for less).
 */
function deniesWithoutClearance(s: PolicyStatement, level: Classification): Met {
  const everyone = deniesEveryone(s);
  if (everyone !== true) return everyone;
  let met: Met = false;
  for (const values of conditionValues(s, NOT_EQUALS, CLEARANCE_KEY)) {
    const u = values.find((v): v is Unknown => v instanceof Unknown);
    if (u) {
      met = met === false ? u : met;
      continue;
    }
    const ok =
      values.length > 0 &&
      values.every((v) => {
        const parsed = parseClassification(String(v));
        return parsed.ok && atLeast(parsed.level, level);
      });
    if (ok) return true;
  }
  return met;
}

/** A Deny to everyone for requests that do not come through the listed VPC endpoints or VPCs. */
function deniesOutsideNetwork(s: PolicyStatement): Met {
  const everyone = deniesEveryone(s);
  if (everyone !== true) return everyone;
  return NETWORK_KEYS.some((key) => conditionValues(s, NOT_EQUALS_OR_LIKE, key).some((v) => v.length > 0));
}

/**
 * A Deny to everyone signed in without MFA: `BoolIfExists` `aws:MultiFactorAuthPresent` false (plain `Bool`
 * misses long-term credentials, whose requests carry no such key).
 */
function deniesWithoutMfa(s: PolicyStatement): Met {
  const everyone = deniesEveryone(s);
  if (everyone !== true) return everyone;
  return conditionValues(s, /^BoolIfExists$/, MFA_KEY).some((values) => values.includes('false'));
}

/** True when one statement meets the requirement, else an Unknown when one might, else false. */
function anyStatement(statements: readonly PolicyStatement[], test: (s: PolicyStatement) => Met): Met {
  let met: Met = false;
  for (const s of statements) {
    const m = test(s);
    if (m === true) return true;
    if (m instanceof Unknown && met === false) met = m;
  }
  return met;
}

export default defineRule({
  id: 'BW-DP-025',
  title: 'RESTRICTED and TOP_SECRET stores enforce the access model of their level in their resource policy',
  severity: 'medium',
  controls: ['classification:ACCESS-MODEL', 'mcsb-v1:IM-7', 'nist-csf-2.0:PR.AA-05', 'gdpr:Art.32(1)(b)'],
  threats: ['unauthorized-access', 'insider-misuse'],
  rationale:
    'From RESTRICTED up, access is attribute-based: a principal reaches the data only if its `clearance` tag is at ' +
    'least the level of the store, whatever its IAM permissions grant. TOP_SECRET is zero trust: the request must ' +
    'also come from the expected network (a VPC endpoint or VPC) and a human must have signed in with MFA. Only a ' +
    'Deny in the resource policy of the store holds for every principal of every account; identity policies can be ' +
    'changed by whoever administers them.',
  fix: {
    cdk:
      'Build the store with the Bulwark construct of its kind (`ClassifiedObjectStore`, `ClassifiedQueue`, ' +
      '`ClassifiedTopic`, `ClassifiedTable`, `ClassifiedSecret`) and `allowedVpcEndpoints`, or add to its resource ' +
      'policy a Deny to `*` with `StringNotEquals` on `aws:PrincipalTag/clearance` (the level and the levels above), ' +
      'and at TOP_SECRET a Deny with `StringNotEqualsIfExists` on `aws:SourceVpce` and a Deny with `BoolIfExists` ' +
      '`aws:MultiFactorAuthPresent: false`.',
    terraform:
      "Build buckets with Bulwark's CDKTF `ClassifiedObjectStore` (with `allowedVpcEndpoints`), or add to the store's resource policy (`aws_s3_bucket_policy`, " +
      '`aws_sqs_queue_policy`, `aws_sns_topic_policy`, `aws_dynamodb_resource_policy`, ' +
      '`aws_secretsmanager_secret_policy`) a Deny to `*` with `StringNotEquals` on `aws:PrincipalTag/clearance` (the ' +
      'level and the levels above), and at TOP_SECRET a Deny with `StringNotEqualsIfExists` on `aws:SourceVpce` and a ' +
      'Deny with `BoolIfExists` `aws:MultiFactorAuthPresent: false`.',
  },
  appliesTo: ['data-store'],
  check(view) {
    if (!SCOPE.includes(view.storeType)) return notApplicable(`${view.storeType} has no resource policy`);
    const c = view.classification;
    if (c.state === 'unknown')
      return unknown(`\`${view.name}\`: classification cannot be resolved (${c.value.reason})`);
    if (c.state !== 'tagged') return notApplicable('no valid classification (BW-DP-011 reports it)');
    const model = requirementsFor(c.level).accessModel;
    if (model !== 'attribute-based' && model !== 'zero-trust')
      return notApplicable(`${c.level} does not require attribute-based access`);
    const policy = view.resourcePolicy;
    if (policy === undefined)
      return unknown(
        cloudOfResource(view.resource) === 'azure'
          ? `\`${view.name}\`: whether access to it is limited as ${c.level} requires cannot be told (the store has no ` +
              'resource policy; conditions on its role assignments are not read)'
          : `\`${view.name}\`: the resource policy of the ${view.storeType} is not read from this source`,
      );

    const requirements: { readonly what: string; readonly met: Met }[] = [
      {
        what: `a Deny on \`aws:PrincipalTag/clearance\` admitting only \`${tagValue(c.level)}\` and above (attribute-based access)`,
        met: anyStatement(policy.statements, (s) => deniesWithoutClearance(s, c.level)),
      },
    ];
    if (model === 'zero-trust') {
      requirements.push(
        {
          what: 'a Deny outside the allowed `aws:SourceVpce` / `aws:SourceVpc` (network origin)',
          met: anyStatement(policy.statements, deniesOutsideNetwork),
        },
        {
          what: 'a Deny on `aws:MultiFactorAuthPresent` false with `BoolIfExists` (MFA)',
          met: anyStatement(policy.statements, deniesWithoutMfa),
        },
      );
    }
    const missing = requirements.filter((r) => r.met !== true);
    if (missing.length === 0)
      return pass(
        `\`${view.name}\` is ${c.level} and its resource policy enforces the ${model} access model`,
      );
    const absent = missing.filter((r) => r.met === false);
    if (absent.length > 0 && !policy.unresolved)
      return fail(
        `\`${view.name}\` is ${c.level} and its resource policy lacks ${absent.map((r) => r.what).join(', ')}`,
      );
    const uncertain =
      policy.unresolved ?? missing.map((r) => r.met).find((m): m is Unknown => m instanceof Unknown);
    return unknown(
      `\`${view.name}\`: whether the resource policy enforces the ${model} access model of ${c.level} cannot be ` +
        `resolved (${uncertain?.reason ?? 'unresolved statement'})`,
    );
  },
});
