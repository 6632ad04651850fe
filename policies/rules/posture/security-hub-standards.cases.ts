import * as securityhub from 'aws-cdk-lib/aws-securityhub';
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
]);
