/**
 * `bulwark/aws`: AWS CDK constructs that are secure by default, driven by data classification.
 * Every security prop defaults to the strict setting; opting out takes an explicit prop and a reason.
 */
export * from './audit';
export * from './backup';
export * from './common/classified';
export * from './common/opt-out';
export * from './containers';
export * from './drift';
export * from './incident';
export * from './network';
export * from './posture';
export * from './stores';
export * from './tls';
export { addReferenceBaseline } from './reference-baseline';
export * from '../classification';
