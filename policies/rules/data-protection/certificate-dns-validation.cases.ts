import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { defineCases, type RuleCase } from '../../../lib/engine/cases';
import rule from './certificate-dns-validation';
import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';

const terraformCases: RuleCase[] = [
  {
    name: 'Terraform: aws_acm_certificate with `validation_method = "DNS"`',
    source: 'cdktf',
    build: (stack) =>
      void new AcmCertificate(stack, 'Cert', { domainName: 'api.example.com', validationMethod: 'DNS' }),
    target: 'Cert',
    expect: 'pass',
  },
  {
    name: 'Terraform: aws_acm_certificate with `validation_method = "EMAIL"`',
    source: 'cdktf',
    build: (stack) =>
      void new AcmCertificate(stack, 'Cert', { domainName: 'api.example.com', validationMethod: 'EMAIL' }),
    target: 'Cert',
    expect: 'fail',
    message: '`Cert` is validated by email: every renewal waits for a person',
  },
  {
    name: 'Terraform: certificate issued by a private certificate authority',
    source: 'cdktf',
    build: (stack) =>
      void new AcmCertificate(stack, 'Cert', {
        domainName: 'api.internal.example.com',
        certificateAuthorityArn:
          'arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/0a1b2c3d-0000-4000-8000-000000000000',
      }),
    target: 'Cert',
    expect: 'not_applicable',
  },
];

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
  ...terraformCases,
]);
