import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TF_BENCH_STACK, buildTerraformBenchApp } from '../../bench/terraform-app';
import { countTerraformResources } from '../../bench/terraform';

test('the Terraform bench app has the CDK bench unit in each unit, half of them compliant', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-tf-bench-'));
  try {
    buildTerraformBenchApp(4, outdir).synth();
    const file = path.join(outdir, 'stacks', TF_BENCH_STACK, 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      resource: Record<string, Record<string, Record<string, unknown>>>;
    };
    const r = json.resource;
    for (const type of [
      'aws_s3_bucket',
      'aws_sqs_queue',
      'aws_sns_topic',
      'aws_lambda_function',
      'aws_iam_role',
      'aws_iam_role_policy',
      'aws_security_group',
      'aws_vpc_security_group_ingress_rule',
      'aws_dynamodb_table',
      'aws_cloudwatch_log_group',
    ]) {
      expect(Object.keys(r[type] ?? {})).toHaveLength(4);
    }
    // Units 0 and 2 are compliant: their buckets come with the classified store's split resources.
    expect(Object.keys(r['aws_s3_bucket_policy']!)).toHaveLength(2);
    const ports = Object.values(r['aws_vpc_security_group_ingress_rule']!).map((x) => x.from_port);
    expect(ports.sort()).toEqual([22, 22, 443, 443]);
    const total = Object.values(r).reduce((n, byName) => n + Object.keys(byName).length, 0);
    expect(countTerraformResources(file)).toBe(total);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});
