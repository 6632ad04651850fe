import * as ecr from 'aws-cdk-lib/aws-ecr';
import { defineCases } from '../../../lib/engine/cases';
import rule from './image-tag-immutability';

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
]);
