import * as fs from 'node:fs';
import { visit } from 'jsonc-parser';
import { InputError } from '../../errors';
import type { InlineAcknowledgement, Resource, SourceLocation } from '../../graph/resource';
import { isObject, show, Unknown, type Value, type ValueObject } from '../../graph/values';
import { CLASSIFICATION_TAG } from '../../classification/levels';
import { decodeText, parseJsonText } from '../cloudformation/parse';
import { withFileBytes } from '../bytes';

/** A Terraform JSON file as read: its text and parsed value. */
export interface TerraformFile {
  readonly file: string;
  readonly text: string;
  readonly body: Record<string, unknown>;
}

/** Read a file's bytes, naming the file when it cannot be read. */
export function readBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw readError(file, e);
  }
}

/** The input error for a file that cannot be read. */
function readError(file: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError('BULWARK_PATH_NOT_FOUND', file, 'no such file');
  return new InputError('BULWARK_TEMPLATE_INVALID', file, `cannot be read (${code ?? (e as Error).message})`);
}

/**
 * Read a Terraform JSON file (plan, `cdk.tf.json`, manifest): UTF-8 or UTF-16 with a byte-order mark,
 * strict JSON (a truncated file, a key given twice are input errors), an object at the top.
 */
export function readTerraformJson(file: string, what: string): TerraformFile {
  const { text, body } = withFileBytes(
    file,
    (bytes) => {
      const text = decodeText(file, bytes);
      if (!/\S/.test(text))
        throw new InputError('BULWARK_EMPTY_FILE', file, `the file is empty; expected ${what}`);
      return { text, body: parseJsonText(file, text, bytes) };
    },
    (e) => readError(file, e),
  );
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError('BULWARK_TEMPLATE_INVALID', file, `not ${what}: the top level is not an object`);
  }
  return { file, text, body: body as Record<string, unknown> };
}

/**
 * Declaration lines of a file's resources, keyed by a name `key` derives from a JSON path: the path
 * of an object property (`resource.aws_s3_bucket.b`) or, with `objects`, of an object
 * (`resource_changes/3`). Computed on first use: only findings need it.
 */
export class Locator {
  #found: Map<string, SourceLocation> | undefined;
  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly key: (path: readonly (string | number)[], property?: string) => string | undefined,
    /** Whether declarations are objects (plans), not object properties (configurations). */
    private readonly objects: boolean,
  ) {}

  locate(name: string): SourceLocation {
    if (!this.#found) {
      const found = new Map<string, SourceLocation>();
      const record = (k: string | undefined, line: number, column: number) => {
        if (k !== undefined && !found.has(k))
          found.set(k, { file: this.file, line: line + 1, column: column + 1 });
      };
      visit(this.text, {
        onObjectBegin: (_o, _l, line, column, pathSupplier) => {
          if (this.objects) record(this.key(pathSupplier()), line, column);
        },
        onObjectProperty: (property, _o, _l, line, column, pathSupplier) => {
          if (!this.objects) record(this.key(pathSupplier(), property), line, column);
        },
      });
      this.#found = found;
    }
    return this.#found.get(name) ?? { file: this.file };
  }
}

/** What a Terraform resource is made of, before it becomes a {@link Resource}. */
export interface TerraformResourceInit {
  readonly address: string;
  readonly type: string;
  readonly mode: 'data' | 'managed';
  readonly properties: ValueObject;
  /** The Terraform address within its configuration (no stack prefix). */
  readonly terraformAddress: string;
  readonly path?: string;
  readonly stack: string;
  /** `lifecycle { prevent_destroy = true }`; undefined when the input does not show it (a plan). */
  readonly retainOnDelete: boolean | undefined;
  readonly identities: readonly (string | Unknown)[];
  readonly expressionScope: string;
  readonly locator: Locator;
  /** The name the locator knows the declaration by. */
  readonly locateAs: string;
  /** Acknowledgements recorded on the declaration (opt-outs of the CDKTF baseline). */
  readonly acknowledgements?: readonly InlineAcknowledgement[];
}

/**
 * A resource read from a Terraform plan or configuration. Its `type` is the provider type for a
 * managed resource (`aws_s3_bucket`) and `data.<type>` for a data source
 * (`data.aws_iam_policy_document`), so adapters never take one for the other.
 */
export class TerraformResource implements Resource {
  readonly source = 'terraform' as const;
  readonly address: string;
  readonly type: string;
  readonly properties: ValueObject;
  readonly tags: Readonly<Record<string, Value>>;
  /** The Terraform address (`module.net.aws_security_group.web["a"]`), without a stack prefix. */
  readonly logicalId: string;
  readonly path?: string;
  readonly stack: string;
  readonly retainOnDelete?: boolean;
  readonly identities: readonly (string | Unknown)[];
  readonly expressionScope: string;
  readonly acknowledgements?: readonly InlineAcknowledgement[];
  readonly #locator: Locator;
  readonly #locateAs: string;

  constructor(init: TerraformResourceInit) {
    this.address = init.address;
    this.type = init.mode === 'data' ? `data.${init.type}` : init.type;
    this.properties = init.properties;
    this.tags = tagsOf(init.properties);
    this.logicalId = init.terraformAddress;
    if (init.path !== undefined) this.path = init.path;
    this.stack = init.stack;
    if (init.retainOnDelete !== undefined) this.retainOnDelete = init.retainOnDelete;
    this.identities = init.identities;
    this.expressionScope = init.expressionScope;
    if (init.acknowledgements?.length) this.acknowledgements = init.acknowledgements;
    this.#locator = init.locator;
    this.#locateAs = init.locateAs;
  }

  get location(): SourceLocation {
    return this.#locator.locate(this.#locateAs);
  }
}

/**
 * Tags from `tags_all` (tags with the provider's default tags) where it is known, else `tags`. Where
 * the tags themselves are unknown, the classification tag is an {@link Unknown}: never taken as absent.
 */
export function tagsOf(properties: ValueObject): Record<string, Value> {
  const all = properties.tags_all;
  const own = properties.tags;
  const source = isObject(all) ? all : isObject(own) ? own : undefined;
  const out: Record<string, Value> = {};
  if (source) {
    for (const [k, v] of Object.entries(source)) out[k] = v;
    return out;
  }
  // `tags_all` is often known only after apply while `tags` is known: then `tags` is read.
  const unknown =
    own instanceof Unknown ? own : own === undefined && all instanceof Unknown ? all : undefined;
  if (unknown) {
    out[CLASSIFICATION_TAG] = new Unknown(
      `the tags are unknown (${unknown.reason})`,
      unknown.refs,
      unknown.display,
    );
  } else if (own !== undefined && own !== null && !isObject(own)) {
    out[CLASSIFICATION_TAG] = new Unknown(`the tags are not a map (${show(own)})`);
  }
  return out;
}
