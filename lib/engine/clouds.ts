import { catalogOf } from '../../policies/controls';
import type { Resource } from '../graph/resource';
import { fixTexts } from './fix';
import type { Rule } from './rule';

/** A cloud whose resources rules judge. */
export type Cloud = 'aws' | 'azure';
export const CLOUDS: readonly Cloud[] = ['aws', 'azure'];

/** How each cloud is named in reports. */
export const CLOUD_NAMES: Readonly<Record<Cloud, string>> = { aws: 'AWS', azure: 'Azure' };

/** The Terraform providers whose resource types name a cloud, by type prefix. */
const TERRAFORM_PROVIDERS: readonly {
  readonly name: string;
  readonly prefix: string;
  readonly cloud: Cloud;
}[] = [
  { name: 'aws', prefix: 'aws_', cloud: 'aws' },
  { name: 'azurerm', prefix: 'azurerm_', cloud: 'azure' },
];

/** The cloud of a Terraform resource type (`aws_s3_bucket`, `azurerm_storage_account`), if Bulwark knows its provider. */
export function cloudOfTerraformType(type: string): Cloud | undefined {
  return TERRAFORM_PROVIDERS.find((p) => type.startsWith(p.prefix))?.cloud;
}

/**
 * The clouds a Terraform fix is written for: those of the resource types it names in code spans
 * (`` `aws_s3_bucket_policy` ``, `` `${aws_s3_bucket.x.arn}/*` ``, `` `azurerm_storage_account` ``), and
 * of the providers it names (`` `aws` ``, `` `azurerm` ``).
 */
export function cloudsOfTerraformFix(text: string): Cloud[] {
  const out = new Set<Cloud>();
  for (const span of text.matchAll(/`([^`]+)`/g)) {
    const named = TERRAFORM_PROVIDERS.find((p) => span[1] === p.name);
    if (named) out.add(named.cloud);
    for (const word of span[1]!.matchAll(/\b[a-z][a-z0-9]*_[a-z0-9_]+/g)) {
      const cloud = cloudOfTerraformType(word[0]);
      if (cloud) out.add(cloud);
    }
  }
  return CLOUDS.filter((c) => out.has(c));
}

/**
 * The clouds a rule asserts its controls on, from the front ends it claims (its fix texts, each proven
 * by passing and failing cases of that front end): the CDK / CloudFormation text is AWS's, the Pulumi
 * text azure-native's (Azure), and the Terraform text the cloud of each provider whose resource types
 * it names (`aws_*` AWS, `azurerm_*` Azure). A catalog test holds these to the rule's cases: a rule
 * counts for a cloud exactly when it has cases on that cloud's resources.
 */
export function cloudsOfRule(rule: Pick<Rule, 'fix'>): Cloud[] {
  const texts = fixTexts(rule.fix);
  const out = new Set<Cloud>();
  if (texts.cdk !== undefined) out.add('aws');
  if (texts.pulumi !== undefined) out.add('azure');
  if (texts.terraform !== undefined) for (const c of cloudsOfTerraformFix(texts.terraform)) out.add(c);
  return CLOUDS.filter((c) => out.has(c));
}

/**
 * The cloud a resource lives in, from the source that read it and its type: CloudFormation and live
 * reads are AWS's, Terraform resources their provider's, Pulumi azure-native resources Azure's.
 * Undefined for a type of a provider Bulwark does not know.
 */
export function cloudOfResource(resource: Pick<Resource, 'source' | 'type'>): Cloud | undefined {
  switch (resource.source) {
    case 'cloudformation':
    case 'live':
      return 'aws';
    case 'terraform':
      return cloudOfTerraformType(resource.type);
    case 'pulumi':
      return resource.type.startsWith('azure-native:') ? 'azure' : undefined;
  }
}

/**
 * Whether a framework speaks of a cloud: a cloud's own benchmark (CIS AWS, CIS Azure) of that cloud
 * only, any other framework of every cloud, and every framework of a resource whose cloud is not known.
 */
export function frameworkSpeaksOf(framework: string, cloud: Cloud | undefined): boolean {
  const clouds = cloud === undefined ? undefined : catalogOf(framework)?.clouds;
  return clouds === undefined || clouds.includes(cloud!);
}

/** The control references that speak of a resource's cloud: what a finding on it names. */
export function controlsOn(refs: readonly string[], cloud: Cloud | undefined): string[] {
  return refs.filter((ref) => frameworkSpeaksOf(ref.slice(0, ref.indexOf(':')), cloud));
}
