/** An IAM policy statement, written as it appears in a policy document. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: '*' | Readonly<Record<string, string | readonly string[]>>;
  readonly Action: string | readonly string[];
  /** Absent in trust policies. */
  readonly Resource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/**
 * A policy document as the JSON string Terraform takes (`policy`, `assume_role_policy`). Resource
 * attributes inside it are written as Terraform interpolations (`${aws_s3_bucket.x.arn}`) at synthesis.
 */
export function policyJson(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** The trust policy letting an AWS service assume a role. */
export function assumeRolePolicy(service: string): string {
  return policyJson([{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }]);
}

/** Everyone, as a policy principal. */
export const ANYONE = { AWS: '*' } as const;

/** A statement denying every action on the resources to requests without TLS (`aws:SecureTransport` false). */
export function denyInsecureTransport(
  actions: string | readonly string[],
  resources: readonly string[],
): PolicyStatement {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: ANYONE,
    Action: actions,
    Resource: resources,
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}
