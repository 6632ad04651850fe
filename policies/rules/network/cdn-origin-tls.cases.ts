import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { defineCases } from '../../../lib/engine/cases';
import rule from './cdn-origin-tls';

export default defineCases(rule, [
  {
    name: 'HTTP origin with the defaults: HTTPS only, TLSv1.2',
    build: (stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: { origin: new origins.HttpOrigin('origin.example.com') },
      });
    },
    target: 'Cdn',
    expect: 'pass',
  },
  {
    name: 'origin reached over plain HTTP',
    build: (stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: {
          origin: new origins.HttpOrigin('origin.example.com', {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
          }),
        },
      });
    },
    target: 'Cdn',
    expect: 'fail',
    message: /`Cdn` reaches origin `[^`]+` over plain HTTP \(`http-only`\)/,
  },
  {
    name: 'origin offered TLSv1 and TLSv1.1',
    build: (stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: {
          origin: new origins.HttpOrigin('origin.example.com', {
            originSslProtocols: [
              cloudfront.OriginSslPolicy.TLS_V1,
              cloudfront.OriginSslPolicy.TLS_V1_1,
              cloudfront.OriginSslPolicy.TLS_V1_2,
            ],
          }),
        },
      });
    },
    target: 'Cdn',
    expect: 'fail',
    message: /`Cdn` offers TLSv1, TLSv1\.1 to origin/,
  },
  {
    name: 'S3 website endpoint origin speaks HTTP only',
    build: (stack) => {
      const site = new s3.Bucket(stack, 'Site', { websiteIndexDocument: 'index.html' });
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: { origin: new origins.S3StaticWebsiteOrigin(site) },
      });
    },
    target: 'Cdn',
    expect: 'fail',
    message: /over plain HTTP/,
  },
  {
    name: 'S3 REST origin has no custom origin to check',
    build: (stack) => {
      new cloudfront.Distribution(stack, 'Cdn', {
        defaultBehavior: {
          origin: origins.S3BucketOrigin.withOriginAccessControl(new s3.Bucket(stack, 'B')),
        },
      });
    },
    target: 'Cdn',
    expect: 'not_applicable',
  },
]);
