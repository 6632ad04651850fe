import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CloudFormationClient,
  CreateStackCommand,
  ListStackResourcesCommand,
} from '@aws-sdk/client-cloudformation';
import { PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { runLimited } from '../../../lib/drift/run';

/** Resources per stack (CloudFormation allows 500). */
export const PER_STACK = 500;

/**
 * A template directory of two stacks, `ScaleBuckets` (encrypted, versioned, private buckets) and
 * `ScaleGroups` (security groups open on 443 to a private range), each of {@link PER_STACK}
 * resources, deployed through moto's CloudFormation. Returns the directory (the desired state).
 */
export async function deployScale(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-drift-scale-'));
  const buckets: Record<string, unknown> = {};
  const groups: Record<string, unknown> = {};
  for (let i = 0; i < PER_STACK; i++) {
    buckets[`Bucket${i}`] = {
      Type: 'AWS::S3::Bucket',
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
      },
    };
    groups[`Group${i}`] = {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: `group ${i}`,
        SecurityGroupIngress: [
          { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.0.0.0/16', Description: 'HTTPS' },
        ],
      },
    };
  }
  const cfn = new CloudFormationClient({ region: 'us-east-1' });
  for (const [name, resources] of [
    ['ScaleBuckets', buckets],
    ['ScaleGroups', groups],
  ] as const) {
    const body = JSON.stringify({ Resources: resources });
    fs.writeFileSync(path.join(dir, `${name}.template.json`), body);
    await cfn.send(new CreateStackCommand({ StackName: name, TemplateBody: body }));
  }
  // moto's CloudFormation creates buckets without the public access block S3 gives new buckets.
  const s3 = new S3Client({ region: 'us-east-1' });
  const listed = await cfn.send(new ListStackResourcesCommand({ StackName: 'ScaleBuckets' }));
  const names = (listed.StackResourceSummaries ?? []).map((r) => r.PhysicalResourceId!);
  await runLimited(names, 16, async (Bucket) => {
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      }),
    );
  });
  return dir;
}
