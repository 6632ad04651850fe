import { defineCases } from '../../../lib/engine/cases';
import { aiAccount } from '../../../test/support/azure-native';
import rule from './ai-service-no-keys';

export default defineCases(rule, [
  {
    name: 'pulumi: OpenAI account with disableLocalAuth',
    source: 'pulumi',
    build: () => aiAccount('assistant'),
    target: 'assistant',
    expect: 'pass',
  },
  {
    name: 'pulumi: OpenAI account with disableLocalAuth false',
    source: 'pulumi',
    build: () => aiAccount('assistant', { disableLocalAuth: false }),
    target: 'assistant',
    expect: 'fail',
    message: /`assistant` accepts API keys/,
  },
  {
    name: 'pulumi: OpenAI account that leaves disableLocalAuth out (keys are on until opted out)',
    source: 'pulumi',
    build: () => aiAccount('assistant', { disableLocalAuth: undefined }),
    target: 'assistant',
    expect: 'fail',
    message: /accepts API keys/,
  },
]);
