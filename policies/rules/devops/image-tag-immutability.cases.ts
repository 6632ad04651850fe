import * as ecr from 'aws-cdk-lib/aws-ecr';
import { defineCases } from '../../../lib/engine/cases';
import rule from './image-tag-immutability';
import { tfRepository } from '../../../test/support/terraform-data-services';

export default defineCases(rule, [
  {
    name: 'repository with immutable tags',
    build: (stack) => {
      new ecr.Repository(stack, 'Images', { imageTagMutability: ecr.TagMutability.IMMUTABLE });
    },
    target: 'Images',
    expect: 'pass',
  },
  {
    name: 'repository on the default mutable tags',
    build: (stack) => void new ecr.Repository(stack, 'Images'),
    target: 'Images',
    expect: 'fail',
    message: '`Images` lets pushed images overwrite existing tags',
  },
  // Terraform (CDKTF)
  {
    name: 'terraform: repository with image_tag_mutability = "IMMUTABLE"',
    source: 'cdktf',
    build: (stack) => void tfRepository(stack),
    target: 'Images',
    expect: 'pass',
  },
  {
    name: 'terraform: repository leaving image_tag_mutability to its default (MUTABLE)',
    source: 'cdktf',
    build: (stack) => void tfRepository(stack, 'Images', { imageTagMutability: undefined }),
    target: 'Images',
    expect: 'fail',
    message: /`Images` lets pushed images overwrite existing tags/,
  },
  {
    name: 'terraform plan: repository with immutable tags',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_ecr_repository.good',
    expect: 'pass',
  },
  {
    name: 'terraform plan: repository with the MUTABLE default',
    source: 'terraform-plan',
    file: 'test/fixtures/terraform/generated-plans/aws-data-services/plan.json',
    target: 'aws_ecr_repository.bare',
    expect: 'fail',
    message: /overwrite existing tags/,
  },
]);
