import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { defineCases } from '../../../lib/engine/cases';
import rule from './certificate-dns-validation';

export default defineCases(rule, [
  {
    name: 'certificate validated through a hosted zone',
    build: (stack) => {
      const zone = new route53.PublicHostedZone(stack, 'Zone', { zoneName: 'example.com' });
      new acm.Certificate(stack, 'Cert', {
        domainName: 'api.example.com',
        validation: acm.CertificateValidation.fromDns(zone),
      });
    },
    target: 'Cert',
    expect: 'pass',
  },
  {
    name: 'certificate on the L2 default, email validation',
    build: (stack) => void new acm.Certificate(stack, 'Cert', { domainName: 'api.example.com' }),
    target: 'Cert',
    expect: 'fail',
    message: '`Cert` is validated by email',
  },
]);
