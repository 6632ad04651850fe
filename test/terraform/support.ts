import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { Construct } from 'constructs';

/** One resource of a synthesized `cdk.tf.json`: its name (unique id) and its arguments. */
export interface TfResource {
  readonly name: string;
  readonly args: Record<string, unknown> & { '//'?: { metadata?: { path?: string } } };
}

/** `cdk.tf.json` of a stack built by `build`, as Terraform reads it. */
export interface Synthesized {
  readonly json: {
    resource: Record<string, Record<string, TfResource['args']>>;
    data?: Record<string, Record<string, unknown>>;
  };
  /** Resources of a type, optionally those whose name (the construct's unique id, `Store_Bucket_1A2B3C4D`) matches `name`. */
  of(type: string, name?: RegExp): TfResource[];
  /** The one resource of a type whose name matches `name`. */
  one(type: string, name: RegExp): TfResource;
}

/**
 * Synthesize a stack (with the AWS provider) built by `build`, through `Testing.synth` (which leaves
 * out the `//` metadata block) or, with `full`, `Testing.fullSynth` (which keeps it).
 */
export function synth(
  build: (stack: Construct) => void,
  opts: { readonly full?: boolean } = {},
): Synthesized {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  build(stack);
  // A full synthesis writes cdk.tf.json as `cdktf synth` does, `//` metadata included.
  const text = opts.full
    ? fs.readFileSync(path.join(Testing.fullSynth(stack), 'stacks', 'test', 'cdk.tf.json'), 'utf8')
    : Testing.synth(stack);
  const json = JSON.parse(text) as Synthesized['json'];
  const of = (type: string, name?: RegExp): TfResource[] =>
    Object.entries(json.resource[type] ?? {})
      .map(([n, args]) => ({ name: n, args }))
      .filter((r) => !name || name.test(r.name));
  return {
    json,
    of,
    one(type, name) {
      const found = of(type, name);
      if (found.length !== 1) throw new Error(`${found.length} ${type} match ${name}`);
      return found[0]!;
    },
  };
}

/** A policy document string as an object. */
export function policyOf(
  r: TfResource,
  key = 'policy',
): {
  Statement: {
    Sid?: string;
    Effect: string;
    Action: unknown;
    Condition?: Record<string, Record<string, unknown>>;
  }[];
} {
  return JSON.parse(r.args[key] as string);
}
