import type { Fact, ViewBase } from './base';

// Asset inventory: what the source read

/**
 * A declaration a template transform owns (SAM, `Fn::ForEach`, a macro): whether what it deploys was
 * read. On the resource that keeps the declaration's logical id when it was expanded, and on every
 * resource the transform owns when it was not.
 */
export interface ExpansionView extends ViewBase {
  readonly kind: 'expansion';
  /** The transform: `AWS::Serverless-2016-10-31`, `AWS::LanguageExtensions`, a macro's name. */
  readonly transform: string;
  /** The key the declaration is written under (`MyFunction`, `Fn::ForEach::Buckets`). */
  readonly declaredAs: string;
  readonly declaredType?: string;
  /** True when the declaration was expanded into the resources it deploys; otherwise why not. */
  readonly expanded: Fact<true>;
  /** False when the template uses the transform's syntax without declaring the transform. */
  readonly transformDeclared: boolean;
}
