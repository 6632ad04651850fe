import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as cfn from 'aws-cdk-lib/aws-cloudformation';
import { checkPaths } from '../../lib/check';
import { loadInput } from '../../lib/sources';

const REAL = path.join(
  __dirname,
  '../fixtures/real-world/aws-cloudformation-templates/stacksets-log-setup-management-pkg.json',
);

/** A stack holding stack sets, synthesized by the CDK. */
function synth(build: (stack: Stack) => void): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-stacksets-'));
  const app = new App({ outdir });
  build(new Stack(app, 'Sets'));
  app.synth();
  return outdir;
}

const openSsh = {
  Resources: {
    Admin: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'admin',
        SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }],
      },
    },
  },
};

test('the inline template of a real stack set is read and its resources are judged', () => {
  const input = loadInput([REAL]);
  const inner = [...input.graph.all()].filter((r) =>
    r.address.startsWith('stacksets-log-setup-management-pkg/TargetAccountLogging/'),
  );
  expect(inner.map((r) => r.type)).toEqual(expect.arrayContaining(['AWS::SQS::Queue']));
  expect(input.incomplete).toEqual([]);
});

test('SSH open to the world inside a stack set fails, addressed below the stack set', () => {
  const dir = synth((stack) => {
    new cfn.CfnStackSet(stack, 'Baseline', {
      stackSetName: 'baseline',
      permissionModel: 'SERVICE_MANAGED',
      templateBody: JSON.stringify(openSsh),
    });
  });
  try {
    const run = checkPaths([dir]);
    const hit = run.evaluation.results.find((r) => r.rule.id === 'BW-NS-001' && r.outcome === 'fail');
    expect(hit?.resource.address).toBe('Sets/Baseline/Admin');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a stack set named by URL, or whose template cannot be read, is reported as not checked', () => {
  const dir = synth((stack) => {
    new cfn.CfnStackSet(stack, 'ByUrl', {
      stackSetName: 'by-url',
      permissionModel: 'SERVICE_MANAGED',
      templateUrl: 'https://s3.amazonaws.com/bucket/template.yaml',
    });
    new cfn.CfnStackSet(stack, 'Broken', {
      stackSetName: 'broken',
      permissionModel: 'SERVICE_MANAGED',
      templateBody: '{"Resources": {',
    });
  });
  try {
    const input = loadInput([dir]);
    expect(input.incomplete).toEqual([
      expect.stringMatching(
        /^stack set `Sets\/ByUrl` .*named only by URL, so its resources were not checked$/,
      ),
      expect.stringMatching(/^stack set `Sets\/Broken` .*`TemplateBody` cannot be read .*not checked$/),
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
