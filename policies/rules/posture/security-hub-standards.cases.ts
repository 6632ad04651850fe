import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import { SecurityhubAccount } from '@cdktf/provider-aws/lib/securityhub-account';
import { SecurityhubStandardsSubscription } from '@cdktf/provider-aws/lib/securityhub-standards-subscription';
import { defineCases } from '../../../lib/engine/cases';
import rule from './security-hub-standards';

export default defineCases(rule, [
  {
    name: 'hub with its default standards',
    build: (stack) => void new securityhub.CfnHub(stack, 'Hub', {}),
    target: 'Hub',
    expect: 'pass',
  },
  {
    name: 'hub without default standards but with the CIS v5 standard',
    build: (stack) => {
      const hub = new securityhub.CfnHub(stack, 'Hub', { enableDefaultStandards: false });
      new securityhub.CfnStandard(stack, 'Cis', {
        standardsArn: `arn:${stack.partition}:securityhub:${stack.region}::standards/cis-aws-foundations-benchmark/v/5.0.0`,
      }).addDependency(hub);
    },
    target: 'Hub',
    expect: 'pass',
  },
  {
    name: 'hub with default standards off and no standard',
    build: (stack) => void new securityhub.CfnHub(stack, 'Hub', { enableDefaultStandards: false }),
    target: 'Hub',
    expect: 'fail',
    message: '`Hub` turns off the default standards and enables no benchmark standard',
  },
  {
    name: 'Terraform Security Hub account with the default standards',
    source: 'cdktf',
    build: (stack) => void new SecurityhubAccount(stack, 'Hub', {}),
    target: 'Hub',
    expect: 'pass',
  },
  {
    name: 'Terraform Security Hub account without default standards and no subscription',
    source: 'cdktf',
    build: (stack) => void new SecurityhubAccount(stack, 'Hub', { enableDefaultStandards: false }),
    target: 'Hub',
    expect: 'fail',
  },
  {
    name: 'Terraform Security Hub account without default standards, subscribed to CIS AWS 5.0',
    source: 'cdktf',
    build: (stack) => {
      const hub = new SecurityhubAccount(stack, 'Hub', { enableDefaultStandards: false });
      new SecurityhubStandardsSubscription(stack, 'Cis', {
        standardsArn: 'arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/5.0.0',
        dependsOn: [hub],
      });
    },
    target: 'Hub',
    expect: 'pass',
  },
]);
