import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import { defineCases } from '../../../lib/engine/cases';
import rule from './runtime-monitoring';

export default defineCases(rule, [
  {
    name: 'Runtime Monitoring with managed agents for ECS and EC2',
    build: (stack) => {
      new guardduty.CfnDetector(stack, 'Detector', {
        enable: true,
        features: [
          {
            name: 'RUNTIME_MONITORING',
            status: 'ENABLED',
            additionalConfiguration: [
              { name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: 'ENABLED' },
              { name: 'EC2_AGENT_MANAGEMENT', status: 'ENABLED' },
            ],
          },
        ],
      });
    },
    target: 'Detector',
    expect: 'pass',
  },
  {
    name: 'detector on the defaults: Runtime Monitoring stays off',
    build: (stack) => void new guardduty.CfnDetector(stack, 'Detector', { enable: true }),
    target: 'Detector',
    expect: 'fail',
    message: '`Detector` does not enable Runtime Monitoring',
  },
  {
    name: 'EKS-only runtime monitoring',
    build: (stack) => {
      new guardduty.CfnDetector(stack, 'Detector', {
        enable: true,
        features: [{ name: 'EKS_RUNTIME_MONITORING', status: 'ENABLED' }],
      });
    },
    target: 'Detector',
    expect: 'fail',
    message: /EKS clusters only/,
  },
]);
