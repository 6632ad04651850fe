import { Size, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { ClassifiedBlockVolume } from '../../../lib/aws/stores';
import { ALL_LEVELS, Classification, evaluate, only, openOnStore, show, stack } from './support';

function props(s: Stack, level: Classification) {
  return { classification: level, availabilityZone: s.availabilityZones[0]!, size: Size.gibibytes(20) };
}

/** The table's cells for block volumes, one row a level. */
const CELLS = {
  [Classification.PUBLIC]: { rotation: undefined, retain: false, tag: 'public', clearance: false },
  [Classification.INTERNAL]: { rotation: undefined, retain: true, tag: 'internal', clearance: false },
  [Classification.CONFIDENTIAL]: { rotation: 365, retain: true, tag: 'confidential', clearance: false },
  [Classification.RESTRICTED]: { rotation: 180, retain: true, tag: 'restricted', clearance: true },
  [Classification.TOP_SECRET]: { rotation: 90, retain: true, tag: 'top-secret', clearance: true },
} as const;

describe('ClassifiedBlockVolume', () => {
  describe.each(ALL_LEVELS)('%s', (level) => {
    const cell = CELLS[level];

    test('always encrypted, with the level key; retain; tag', () => {
      const s = stack();
      const c = new ClassifiedBlockVolume(s, 'Volume', props(s, level));
      const t = Template.fromStack(s);
      const r = only(t, 'AWS::EC2::Volume');
      expect(r.Properties).toMatchObject({ Encrypted: true, Size: 20, VolumeType: 'gp3' });
      if (cell.rotation === undefined) {
        expect(r.Properties.KmsKeyId).toBeUndefined();
        t.resourceCountIs('AWS::KMS::Key', 0);
      } else {
        const keyId = s.getLogicalId(c.encryptionKey!.node.defaultChild as kms.CfnKey);
        expect(r.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
        const key = t.toJSON().Resources[keyId];
        expect(key.Properties).toMatchObject({
          EnableKeyRotation: true,
          RotationPeriodInDays: cell.rotation,
        });
        expect(JSON.stringify(key.Properties.KeyPolicy).includes('DenyKeyUseWithoutClearance')).toBe(
          cell.clearance,
        );
      }
      expect(r.DeletionPolicy).toBe(cell.retain ? 'Retain' : 'Delete');
      expect(r.Properties.Tags).toEqual([{ Key: 'data-classification', Value: cell.tag }]);
    });

    test('the engine finds no gating result and nothing open', () => {
      const run = evaluate((s) => {
        new ClassifiedBlockVolume(s, 'Volume', props(s, level));
      }, 'Volume');
      expect(run.viewErrors).toEqual([]);
      expect(run.results.length).toBeGreaterThan(0);
      expect(show(run.gating)).toEqual([]);
      expect(show(openOnStore(run))).toEqual([]);
    });
  });

  test('attaching needs kms:CreateGrant for EC2 on AWS resources only', () => {
    const s = stack();
    const role = new iam.Role(s, 'Ops', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
    const c = new ClassifiedBlockVolume(s, 'Volume', props(s, Classification.CONFIDENTIAL));
    c.grantAttach(role);
    c.grantDetach(role);
    const text = JSON.stringify(only(Template.fromStack(s), 'AWS::IAM::Policy').Properties.PolicyDocument);
    expect(text).toContain('ec2:AttachVolume');
    expect(text).toContain('ec2:DetachVolume');
    expect(text).toContain('"kms:CreateGrant"');
    expect(text).toContain('"kms:GrantIsForAWSResource":"true"');
  });

  test('RESTRICTED with a given key names both props', () => {
    const s = stack();
    expect(
      () =>
        new ClassifiedBlockVolume(s, 'Volume', {
          ...props(s, Classification.RESTRICTED),
          encryptionKey: new kms.Key(s, 'K'),
        }),
    ).toThrow(
      /`classification` RESTRICTED requires a customer-managed key dedicated.*remove `encryptionKey`.*BULWARK_DEDICATED_KEY/,
    );
  });
});
