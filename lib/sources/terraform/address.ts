/**
 * Terraform resource addresses: `module.net["a"].aws_security_group.web["x"]`,
 * `data.aws_iam_policy_document.p`, `aws_s3_bucket.b[0]`.
 */

/** Split an address at the dots that are outside instance keys (`[...]`, quoted keys included). */
export function splitAddress(address: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const c = address[i]!;
    if (quoted) {
      cur += c;
      if (c === '\\') {
        cur += address[++i] ?? '';
      } else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    if (c === '.' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

/** A segment without its instance key: `web["x"]` -> `web`. */
function withoutKey(segment: string): string {
  const i = segment.indexOf('[');
  return i < 0 ? segment : segment.slice(0, i);
}

/** The address of the declaration an instance comes from: instance keys of modules and resources removed. */
export function configAddress(address: string): string {
  return splitAddress(address).map(withoutKey).join('.');
}

/** Where a resource address divides into its module instance (`module.a["k"].`) and the resource. */
export interface AddressParts {
  /** The module instance prefix, with a trailing dot, or '' in the root module. */
  readonly module: string;
  /** `data.` for a data source, '' for a managed resource. */
  readonly mode: 'data' | 'managed';
  readonly type: string;
  readonly name: string;
  /** The instance key, brackets included (`[0]`, `["a"]`), or ''. */
  readonly key: string;
}

/** Parse a resource address; undefined when it does not name a resource. */
export function parseAddress(address: string): AddressParts | undefined {
  const parts = splitAddress(address);
  let i = 0;
  let module = '';
  while (parts[i] === 'module' && i + 1 < parts.length) {
    module += `module.${parts[i + 1]}.`;
    i += 2;
  }
  let mode: 'data' | 'managed' = 'managed';
  if (parts[i] === 'data') {
    mode = 'data';
    i++;
  }
  if (parts.length !== i + 2) return undefined;
  const type = parts[i]!;
  const last = parts[i + 1]!;
  const k = last.indexOf('[');
  return {
    module,
    mode,
    type,
    name: k < 0 ? last : last.slice(0, k),
    key: k < 0 ? '' : last.slice(k),
  };
}

/** Terraform's rendering of an instance key: `[0]`, `["a"]`. */
export function instanceKey(index: unknown): string {
  if (index === undefined || index === null) return '';
  return typeof index === 'number' ? `[${index}]` : `[${JSON.stringify(String(index))}]`;
}
