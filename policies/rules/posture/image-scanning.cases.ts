import * as ecr from 'aws-cdk-lib/aws-ecr';
import { defineCases } from '../../../lib/engine/cases';
import rule from './image-scanning';

export default defineCases(rule, [
  {
    name: 'repository scanning on push',
    build: (stack) => {
      new ecr.Repository(stack, 'Images', { imageScanOnPush: true });
    },
    target: 'Images',
    expect: 'pass',
  },
  {
    name: 'repository on the default (no scan on push)',
    build: (stack) => {
      new ecr.Repository(stack, 'Images');
    },
    target: 'Images',
    expect: 'fail',
    message: '`Images` does not scan images on push or continuously',
  },
  {
    name: 'repository covered by a registry-wide continuous scanning rule',
    build: (stack) => {
      new ecr.Repository(stack, 'Images');
      new ecr.CfnRegistryScanningConfiguration(stack, 'Scanning', {
        scanType: 'ENHANCED',
        rules: [
          { scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] },
        ],
      });
    },
    target: 'Images',
    expect: 'pass',
  },
  {
    name: 'named repository outside the registry scanning filter',
    build: (stack) => {
      new ecr.Repository(stack, 'Images', { repositoryName: 'tools/builder' });
      new ecr.CfnRegistryScanningConfiguration(stack, 'Scanning', {
        scanType: 'BASIC',
        rules: [
          {
            scanFrequency: 'SCAN_ON_PUSH',
            repositoryFilters: [{ filter: 'prod-*', filterType: 'WILDCARD' }],
          },
        ],
      });
    },
    target: 'Images',
    expect: 'fail',
  },
  {
    name: 'generated repository name against a prefix filter',
    build: (stack) => {
      new ecr.Repository(stack, 'Images');
      new ecr.CfnRegistryScanningConfiguration(stack, 'Scanning', {
        scanType: 'BASIC',
        rules: [
          {
            scanFrequency: 'SCAN_ON_PUSH',
            repositoryFilters: [{ filter: 'prod-*', filterType: 'WILDCARD' }],
          },
        ],
      });
    },
    target: 'Images',
    expect: 'unknown',
    message: /matches the generated repository name/,
  },
  {
    name: 'registry scanning configuration with manual scans only',
    build: (stack) => {
      new ecr.CfnRegistryScanningConfiguration(stack, 'Scanning', {
        scanType: 'BASIC',
        rules: [{ scanFrequency: 'MANUAL', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }],
      });
    },
    target: 'Scanning',
    expect: 'fail',
  },
]);
