import type { IConstruct } from 'constructs';

/** Stable codes of construct prop errors. */
export type ConstructErrorCode = `BULWARK_${string}`;

/** A construct was given props that contradict each other or the classification policy. */
export class ConstructPropsError extends Error {
  constructor(
    readonly code: ConstructErrorCode,
    scope: IConstruct,
    detail: string,
  ) {
    super(`${scope.node.path}: ${detail} [${code}]`);
    this.name = 'ConstructPropsError';
  }
}

/**
 * Collects every problem with a construct's props, then throws once listing them all.
 *
 * ```ts
 * const v = new PropsValidator(this);
 * v.check(!(props.classification === RESTRICTED && props.encryptionKey), 'BULWARK_DEDICATED_KEY',
 *   '`classification` RESTRICTED requires a dedicated key: remove `encryptionKey`');
 * v.throwIfAny();
 * ```
 */
export class PropsValidator {
  private readonly problems: { code: ConstructErrorCode; detail: string }[] = [];

  constructor(private readonly scope: IConstruct) {}

  /** Record a problem unless `ok`. */
  check(ok: boolean, code: ConstructErrorCode, detail: string): void {
    if (!ok) this.problems.push({ code, detail });
  }

  throwIfAny(): void {
    if (this.problems.length === 0) return;
    if (this.problems.length === 1)
      throw new ConstructPropsError(this.problems[0]!.code, this.scope, this.problems[0]!.detail);
    const detail = this.problems.map((p) => `\n  - ${p.detail} [${p.code}]`).join('');
    throw new ConstructPropsError(
      this.problems[0]!.code,
      this.scope,
      `${this.problems.length} problems:${detail}`,
    );
  }
}
