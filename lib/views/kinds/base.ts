import type { Classification } from '../../classification';
import type { Resource } from '../../graph/resource';
import type { Unknown } from '../../graph/values';

/* Facts and the base every view shares. */

/** A fact that the source may not have been able to resolve. */
export type Fact<T> = T | Unknown;

/** A TLS protocol version, as every view records a TLS floor (`minTls`). */
export type TlsVersion = '1.0' | '1.1' | '1.2' | '1.3';

/** The classification read from a resource's `data-classification` tag. */
export type ClassificationFact =
  | { readonly state: 'tagged'; readonly level: Classification }
  | { readonly state: 'untagged' }
  | { readonly state: 'invalid'; readonly raw: string; readonly error: string }
  | { readonly state: 'unknown'; readonly value: Unknown };

export interface ViewBase {
  /** The resource the view is about (the one findings are reported on). */
  readonly resource: Resource;
  /** Display name: the construct id or logical id, for messages. */
  readonly name: string;
}
