import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { defineCases } from '../../../lib/engine/cases';
import rule from './trail-multi-region';

export default defineCases(rule, [
  {
    name: 'trail on the construct default (all regions, logging)',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail');
    },
    target: 'Trail',
    expect: 'pass',
  },
  {
    name: 'single-region trail',
    build: (stack) => {
      new cloudtrail.Trail(stack, 'Trail', { isMultiRegionTrail: false });
    },
    target: 'Trail',
    expect: 'fail',
    message: /`Trail` logs only its own region/,
  },
  {
    name: 'trail with logging stopped',
    build: (stack) => {
      const trail = new cloudtrail.Trail(stack, 'Trail');
      (trail.node.defaultChild as cloudtrail.CfnTrail).isLogging = false;
    },
    target: 'Trail',
    expect: 'fail',
    message: /`Trail` is not logging/,
  },
]);
