import type { ResourceRef, Unknown, Value, ValueObject } from './values';

/** Which kind of artifact a resource was read from. */
export type SourceKind = 'cloudformation' | 'terraform' | 'pulumi' | 'live';

/** Where a resource is declared, as precisely as the artifact allows. */
export interface SourceLocation {
  /** File the resource was read from (template, plan, capture). */
  readonly file?: string;
  /** 1-based line of the resource's declaration in that file. */
  readonly line?: number;
  /** 1-based column of the resource's declaration in that file. */
  readonly column?: number;
}

/** An acknowledgement recorded in the artifact itself (CDK `Validations.of(x).acknowledge()`, opt-out props). */
export interface InlineAcknowledgement {
  /** Rule id, or `RULE[finding]`. */
  readonly rule: string;
  readonly reason: string;
  /**
   * `acknowledgement`: `Validations.of(x).acknowledge()`; `opt-out`: an explicit opt-out prop of a
   * Bulwark construct (which also names the prop).
   */
  readonly kind?: 'acknowledgement' | 'opt-out';
  /** The construct prop that opted out, for opt-outs. */
  readonly prop?: string;
}

/**
 * How a template transform produced a resource (SAM, `Fn::ForEach`, a macro), or failed to: the
 * resource then stands for a declaration whose deployed form was not read.
 */
export interface TransformOrigin {
  /** The transform: `AWS::Serverless-2016-10-31`, `AWS::LanguageExtensions`, a macro's name. */
  readonly transform: string;
  /** The key the declaration is written under in the file (`MyFunction`, `Fn::ForEach::Buckets`). */
  readonly declaredAs: string;
  /** The declared type (`AWS::Serverless::Function`), when it is a string. */
  readonly declaredType?: string;
  /** Whether this resource keeps the declaration's logical id (a SAM function's `AWS::Lambda::Function`). */
  readonly primary: boolean;
  /** What the resource is to the declaration (`Role`, `Url`), for its construct path. */
  readonly part?: string;
  /** Why the transform's output could not be read; undefined when the declaration was expanded. */
  readonly unexpanded?: string;
  /** False when the template uses the transform's syntax without declaring the transform. */
  readonly transformDeclared?: boolean;
}

/**
 * One resource of the graph, in its provider-native shape. Sources create these; views read them.
 */
export interface Resource {
  /**
   * Stable address, unique in the graph: `Stack/LogicalId` for CloudFormation, the Terraform
   * address for Terraform, the URN for Pulumi, the ARN or id for live reads.
   */
  readonly address: string;
  /** Provider-native type: `AWS::S3::Bucket`, `aws_s3_bucket`, `azure-native:storage:StorageAccount`. */
  readonly type: string;
  readonly source: SourceKind;
  /** Resolved properties; unresolvable parts are `Unknown`, references are `ResourceRef`. */
  readonly properties: ValueObject;
  /** Tags as key -> value (values may be unknown). */
  readonly tags: Readonly<Record<string, Value>>;
  /** Template logical id (CloudFormation) or resource name (Terraform). */
  readonly logicalId?: string;
  /** CDK construct path (`Stack/Bucket/Resource`) or CDKTF path, where known. */
  readonly path?: string;
  /** Stack (CloudFormation) or module (Terraform) the resource belongs to. */
  readonly stack?: string;
  readonly location?: SourceLocation;
  /** Acknowledgements recorded on the resource in the artifact. */
  readonly acknowledgements?: readonly InlineAcknowledgement[];
  /** Condition that decides whether the resource exists (CloudFormation `Condition`). */
  readonly condition?: string;
  /**
   * Whether the resource (and its data) is kept when the stack or configuration that declares it is
   * deleted: CloudFormation `DeletionPolicy: Retain|RetainExceptOnCreate|Snapshot`, Terraform
   * `prevent_destroy`, Pulumi `retainOnDelete`/`protect`.
   */
  readonly retainOnDelete?: boolean;
  /**
   * The references inside `properties`, when the source collected them while resolving; the graph
   * otherwise finds them by walking the properties.
   */
  readonly references?: readonly ResourceRef[];
  /** The template transform the resource comes from, when one was declared. */
  readonly transform?: TransformOrigin;
  /**
   * Values other resources may name this resource by, besides a reference: names, ARNs, ids,
   * aliases, URLs, as the provider writes them. A string is a literal value; an {@link Unknown} is a
   * value known only at deploy time, matched by its rendering (`display`) against equal unresolved
   * expressions of the same {@link expressionScope}. Absent where the provider generates the name.
   */
  readonly identities?: readonly (string | Unknown)[];
  /**
   * Unresolved expressions (`${AppName}-content-${AWS::Region}`) of this resource are equal to those
   * of another resource only within the same scope: the template (or module) both were read from,
   * where the same parameter has the same value. Default: the resource's `stack`.
   */
  readonly expressionScope?: string;
}
