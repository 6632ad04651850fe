import type { Resource } from '../../graph/resource';
import { Unknown } from '../../graph/values';
import type { Fact } from '../kinds';

/**
 * Whether destroying the configuration keeps the resource: `lifecycle { prevent_destroy = true }` in a
 * `cdk.tf.json`. A plan's configuration does not carry `lifecycle` blocks, so there it is unknown.
 */
export function retainedOnDelete(r: Resource): Fact<boolean> {
  return (
    r.retainOnDelete ??
    new Unknown(
      'a plan does not show `lifecycle { prevent_destroy }`: whether the resource is kept is not known',
    )
  );
}
