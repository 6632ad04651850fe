import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { defineCases } from '../../lib/engine/cases';
import keyRotation from '../../policies/rules/data-protection/key-rotation';
import { runCases, terraformSourceRegistered } from '../support/cases';

// The case runner on CDK for Terraform cases: each case is synthesized with cdktf (no terraform binary)
// and its `cdk.tf.json` read through the registered sources. Until a Terraform source is registered,
// only the synthesis and the plain refusal are testable.
const cases = defineCases(keyRotation, [
  {
    name: 'KMS key with rotation on',
    source: 'cdktf',
    build: (stack) => {
      new KmsKey(stack, 'Data', { enableKeyRotation: true });
    },
    target: 'Data',
    expect: 'pass',
  },
  {
    name: 'KMS key with rotation off',
    source: 'cdktf',
    build: (stack) => {
      new KmsKey(stack, 'Data', { enableKeyRotation: false });
    },
    target: 'Data',
    expect: 'fail',
  },
]);

(terraformSourceRegistered() ? test : test.skip)(
  'CDKTF cases are synthesized, read and judged on their target',
  () => {
    const results = runCases(cases);
    expect(results.get('KMS key with rotation on')!.map((r) => r.outcome)).toEqual(['pass']);
    expect(results.get('KMS key with rotation off')!.map((r) => r.outcome)).toEqual(['fail']);
  },
);

(terraformSourceRegistered() ? test.skip : test)(
  'without a Terraform source, a CDKTF case is synthesized and then refused, naming its cdk.tf.json',
  () => {
    expect(() => runCases(cases)).toThrow(/^no source recognises \S+\/stacks\/Case0\/cdk\.tf\.json: /);
  },
);
