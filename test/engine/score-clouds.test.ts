import { cloudOfResource } from '../../lib/engine/clouds';
import { ScoreAccumulator } from '../../lib/engine/score';
import { RULES } from '../../policies/rules';

const rule = RULES.find((r) => r.id === 'BW-DP-006')!;

describe('score per framework on each cloud', () => {
  test('the rule names controls of CIS AWS, CIS Azure and cloud-neutral frameworks', () => {
    expect(rule.controls).toEqual(
      expect.arrayContaining(['cis-aws-5.0:2.1.1', 'cis-azure-6.0:9.3.4', 'mcsb-v1:DP-3']),
    );
  });

  test("a result counts towards a cloud's own benchmark only on that cloud's resources", () => {
    const score = new ScoreAccumulator();
    score.add(rule, 'fail', 'mandatory', false, 'azure');
    score.add(rule, 'pass', 'mandatory', false, 'aws');
    const r = score.result();
    const refs = Object.fromEntries(r.controls.map((c) => [c.ref, [c.passed, c.failed]]));
    expect(refs['cis-aws-5.0:2.1.1']).toEqual([1, 0]);
    expect(refs['cis-azure-6.0:9.3.4']).toEqual([0, 1]);
    expect(refs['mcsb-v1:DP-3']).toEqual([1, 1]);
    const fw = Object.fromEntries(r.frameworks.map((f) => [f.framework, [f.passed, f.failed]]));
    expect(fw['cis-aws-5.0']).toEqual([1, 0]);
    expect(fw['cis-azure-6.0']).toEqual([0, 1]);
    expect(fw['mcsb-v1']).toEqual([1, 1]);
  });

  test('a resource of an unknown provider counts everywhere, as before clouds were known', () => {
    const score = new ScoreAccumulator();
    score.add(rule, 'fail', 'mandatory', false, undefined);
    const refs = score.result().controls.map((c) => c.ref);
    expect(refs).toEqual(expect.arrayContaining(['cis-aws-5.0:2.1.1', 'cis-azure-6.0:9.3.4']));
  });

  test('the cloud of a resource comes from its source and type', () => {
    expect(cloudOfResource({ source: 'cloudformation', type: 'AWS::S3::Bucket' })).toBe('aws');
    expect(cloudOfResource({ source: 'live', type: 'AWS::S3::Bucket' })).toBe('aws');
    expect(cloudOfResource({ source: 'terraform', type: 'aws_s3_bucket' })).toBe('aws');
    expect(cloudOfResource({ source: 'terraform', type: 'azurerm_storage_account' })).toBe('azure');
    expect(cloudOfResource({ source: 'terraform', type: 'google_storage_bucket' })).toBeUndefined();
    expect(cloudOfResource({ source: 'pulumi', type: 'azure-native:storage:StorageAccount' })).toBe('azure');
  });
});
