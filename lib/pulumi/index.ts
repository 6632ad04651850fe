/**
 * `bulwark/pulumi`: Bulwark's rules as a Pulumi CrossGuard policy pack. `@pulumi/policy` and
 * `@pulumi/pulumi` are peer dependencies.
 *
 * ```ts
 * // index.ts of a policy pack directory (PulumiPolicy.yaml, runtime nodejs)
 * import { bulwarkPolicyPack } from 'bulwark/pulumi';
 * bulwarkPolicyPack('bulwark', { pack: 'mcsb' });
 * ```
 */
export {
  bulwarkPolicies,
  bulwarkPolicyPack,
  resourcesOf,
  NOT_JUDGED_POLICY,
  type BulwarkPolicyOptions,
} from './policy-pack';
