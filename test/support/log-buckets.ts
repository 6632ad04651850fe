import type { Stack } from 'aws-cdk-lib';
import * as elb from 'aws-cdk-lib/aws-elasticloadbalancing';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';

/** A bucket receiving the access logs of a load balancer of the graph, as hand-written templates declare it. */
export function logBucket(
  stack: Stack,
  receives: 'classic' | 'application' | 'network',
  encryption?: s3.BucketEncryption,
): s3.Bucket {
  const bucket = new s3.Bucket(stack, 'Logs', { encryption });
  if (receives === 'classic') {
    new elb.CfnLoadBalancer(stack, 'Lb', {
      listeners: [{ loadBalancerPort: '80', instancePort: '80', protocol: 'HTTP' }],
      availabilityZones: ['us-east-1a'],
      accessLoggingPolicy: { enabled: true, s3BucketName: bucket.bucketName, emitInterval: 5 },
    });
  } else {
    new elbv2.CfnLoadBalancer(stack, 'Lb', {
      type: receives,
      subnets: ['subnet-12345678', 'subnet-87654321'],
      loadBalancerAttributes: [
        { key: 'access_logs.s3.enabled', value: 'true' },
        { key: 'access_logs.s3.bucket', value: bucket.bucketName },
      ],
    });
  }
  return bucket;
}
