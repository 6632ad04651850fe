import * as ecr from 'aws-cdk-lib/aws-ecr';
import { defineCases } from '../../../lib/engine/cases';
import rule from './image-scanning';
import { EcrRegistryScanningConfiguration } from '@cdktf/provider-aws/lib/ecr-registry-scanning-configuration';
import { tfRepository } from '../../../test/support/terraform-data-services';

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
  // Terraform (CDKTF)
  {
    name: 'terraform: repository scanning on push',
    source: 'cdktf',
    build: (stack) => void tfRepository(stack),
    target: 'Images',
    expect: 'pass',
  },
  {
    name: 'terraform: repository without image_scanning_configuration',
    source: 'cdktf',
    build: (stack) => void tfRepository(stack, 'Images', { imageScanningConfiguration: undefined }),
    target: 'Images',
    expect: 'fail',
    message: /`Images` does not scan images on push or continuously/,
  },
  {
    name: 'terraform: repository matched by a continuous registry scanning rule',
    source: 'cdktf',
    build: (stack) => {
      tfRepository(stack, 'Images', { imageScanningConfiguration: undefined });
      new EcrRegistryScanningConfiguration(stack, 'Scanning', {
        scanType: 'ENHANCED',
        rule: [
          {
            scanFrequency: 'CONTINUOUS_SCAN',
            repositoryFilter: [{ filter: 'ima*', filterType: 'WILDCARD' }],
          },
        ],
      });
    },
    target: 'Images',
    expect: 'pass',
  },
  {
    name: 'terraform: registry scanning rule whose filter does not match the repository',
    source: 'cdktf',
    build: (stack) => {
      tfRepository(stack, 'Images', { imageScanningConfiguration: undefined });
      new EcrRegistryScanningConfiguration(stack, 'Scanning', {
        scanType: 'ENHANCED',
        rule: [
          { scanFrequency: 'SCAN_ON_PUSH', repositoryFilter: [{ filter: 'apps-*', filterType: 'WILDCARD' }] },
        ],
      });
    },
    target: 'Images',
    expect: 'fail',
    message: /`Images` does not scan images/,
  },
  {
    name: 'terraform plan: repository scanning on push',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_ecr_repository.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: repository without image_scanning_configuration',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_ecr_repository.bare',
    expect: 'fail',
    message: /does not scan images/,
  },
]);
