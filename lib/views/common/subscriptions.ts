import { Unknown } from '../../graph/values';
import type { Fact, SubscriptionView } from '../kinds';

const DELIVERY: Readonly<Record<string, SubscriptionView['delivery']>> = {
  http: 'http',
  https: 'https',
  sqs: 'provider',
  lambda: 'provider',
  firehose: 'provider',
  email: 'email',
  'email-json': 'email',
  sms: 'sms',
  application: 'mobile-push',
};

/**
 * How an SNS subscription delivers, from its protocol (`http`, `https`, `sqs`, `lambda`, `firehose`, `email`,
 * `email-json`, `sms`, `application`), which CloudFormation and the AWS provider spell alike.
 */
export function snsDelivery(protocol: Fact<string>): SubscriptionView['delivery'] {
  if (protocol instanceof Unknown) return protocol;
  return DELIVERY[protocol] ?? new Unknown(`subscription protocol \`${protocol}\``);
}
