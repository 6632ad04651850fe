import type { Stack } from 'aws-cdk-lib';
import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { ClassifiedSecret } from '../../../lib/aws/stores';
import {
  ALL_LEVELS,
  Classification,
  evaluate,
  only,
  openOnStore,
  show,
  stack,
  statement,
  statements,
} from './support';

const VPCE = ['vpce-0a1b2c3d4e5f60718'];

function rotator(s: Stack): lambda.Function {
  return new lambda.Function(s, 'Rotator', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {};'),
  });
}

function secret(
  level: Classification,
  extra: Partial<ConstructorParameters<typeof ClassifiedSecret>[2]> = {},
) {
  const s = stack();
  const c = new ClassifiedSecret(s, 'Secret', {
    classification: level,
    allowedVpcEndpoints: VPCE,
    rotation: { rotationLambda: rotator(s), automaticallyAfter: Duration.days(30) },
    ...extra,
  });
  return { s, c, t: Template.fromStack(s) };
}

/** The table's cells for secrets, one row a level. */
const CELLS = {
  [Classification.PUBLIC]: {
    rotation: undefined,
    retain: false,
    tag: 'public',
    clearance: undefined,
    mfa: false,
  },
  [Classification.INTERNAL]: {
    rotation: undefined,
    retain: true,
    tag: 'internal',
    clearance: undefined,
    mfa: false,
  },
  [Classification.CONFIDENTIAL]: {
    rotation: 365,
    retain: true,
    tag: 'confidential',
    clearance: undefined,
    mfa: false,
  },
  [Classification.RESTRICTED]: {
    rotation: 180,
    retain: true,
    tag: 'restricted',
    clearance: ['restricted', 'top-secret'],
    mfa: false,
  },
  [Classification.TOP_SECRET]: {
    rotation: 90,
    retain: true,
    tag: 'top-secret',
    clearance: ['top-secret'],
    mfa: true,
  },
} as const;

describe('ClassifiedSecret', () => {
  describe.each(ALL_LEVELS)('%s', (level) => {
    const cell = CELLS[level];

    test('encryption, generated value, rotation, retain and tag', () => {
      const { s, c, t } = secret(level);
      const r = only(t, 'AWS::SecretsManager::Secret');
      if (cell.rotation === undefined) {
        expect(r.Properties.KmsKeyId).toBeUndefined();
        t.resourceCountIs('AWS::KMS::Key', 0);
      } else {
        const keyId = s.getLogicalId(c.encryptionKey!.node.defaultChild as kms.CfnKey);
        expect(r.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
        expect(t.toJSON().Resources[keyId].Properties).toMatchObject({
          EnableKeyRotation: true,
          RotationPeriodInDays: cell.rotation,
        });
      }
      expect(r.Properties.GenerateSecretString).toEqual({ PasswordLength: 32 });
      expect(r.Properties.SecretString).toBeUndefined();
      t.hasResourceProperties('AWS::SecretsManager::RotationSchedule', {
        RotationRules: { ScheduleExpression: 'rate(30 days)' },
      });
      expect(r.DeletionPolicy).toBe(cell.retain ? 'Retain' : 'Delete');
      expect(r.Properties.Tags).toEqual([{ Key: 'data-classification', Value: cell.tag }]);
    });

    test('resource policy: TLS only; clearance, VPC endpoints and MFA by level', () => {
      const { t } = secret(level);
      const doc = only(t, 'AWS::SecretsManager::ResourcePolicy').Properties.ResourcePolicy;
      expect(statement(doc, 'DenyInsecureTransport')).toMatchObject({
        Effect: 'Deny',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      });
      const clearance = statement(doc, 'DenyWithoutClearance');
      if (!cell.clearance) {
        expect(
          statements(doc).filter(
            (st) =>
              st.Sid !== 'DenyInsecureTransport' &&
              st.Effect === 'Deny' &&
              st.Principal !== undefined &&
              JSON.stringify(st.Principal).includes('"*"'),
          ),
        ).toEqual([]);
        return;
      }
      expect(clearance).toMatchObject({
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue'],
        Condition: { StringNotEquals: { 'aws:PrincipalTag/clearance': cell.clearance } },
      });
      expect(statement(doc, 'DenyOutsideVpcEndpoints')!.Condition).toMatchObject({
        StringNotEqualsIfExists: { 'aws:SourceVpce': VPCE },
      });
      expect(statement(doc, 'DenyHumansWithoutMfa') !== undefined).toBe(cell.mfa);
    });

    test('the engine finds no gating result and nothing open', () => {
      const run = evaluate((s) => {
        new ClassifiedSecret(s, 'Secret', {
          classification: level,
          allowedVpcEndpoints: VPCE,
          rotation: { rotationLambda: rotator(s) },
        });
      }, 'Secret');
      expect(run.viewErrors).toEqual([]);
      expect(run.results.length).toBeGreaterThan(0);
      expect(show(run.gating)).toEqual([]);
      expect(show(openOnStore(run))).toEqual([]);
    });
  });

  test('Secrets Manager may invoke the rotation function for this account only', () => {
    const s = stack();
    new ClassifiedSecret(s, 'Secret', {
      classification: Classification.CONFIDENTIAL,
      rotation: { rotationLambda: rotator(s) },
    });
    Template.fromStack(s).hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'secretsmanager.amazonaws.com',
      SourceAccount: { Ref: 'AWS::AccountId' },
    });
  });

  test('below CONFIDENTIAL rotation is optional', () => {
    const s = stack();
    new ClassifiedSecret(s, 'Secret', { classification: Classification.INTERNAL });
    Template.fromStack(s).resourceCountIs('AWS::SecretsManager::RotationSchedule', 0);
  });

  test('grants go through the secret and the key', () => {
    const s = stack();
    const role = new iam.Role(s, 'App', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const c = new ClassifiedSecret(s, 'Secret', {
      classification: Classification.CONFIDENTIAL,
      rotation: { rotationLambda: rotator(s) },
    });
    c.grantRead(role);
    const text = JSON.stringify(
      Template.fromStack(s).toJSON().Resources[
        s.getLogicalId(role.node.findChild('DefaultPolicy').node.defaultChild as iam.CfnPolicy)
      ],
    );
    expect(text).toContain('secretsmanager:GetSecretValue');
    expect(text).toContain('kms:Decrypt');
  });

  describe('validation', () => {
    test('CONFIDENTIAL without rotation names both props', () => {
      expect(
        () => new ClassifiedSecret(stack(), 'Secret', { classification: Classification.CONFIDENTIAL }),
      ).toThrow(
        /`classification` CONFIDENTIAL requires automatic rotation: set `rotation`.*BULWARK_ROTATION_REQUIRED/,
      );
    });

    test('RESTRICTED with hosted rotation names both props', () => {
      expect(
        () =>
          new ClassifiedSecret(stack(), 'Secret', {
            classification: Classification.RESTRICTED,
            allowedVpcEndpoints: VPCE,
            rotation: { hostedRotation: secretsmanager.HostedRotation.postgreSqlSingleUser() },
          }),
      ).toThrow(
        /`classification` RESTRICTED.*use `rotation.rotationLambda` instead of `rotation.hostedRotation`.*BULWARK_HOSTED_ROTATION/,
      );
    });

    test('rotation needs exactly one function', () => {
      expect(
        () =>
          new ClassifiedSecret(stack(), 'Secret', { classification: Classification.INTERNAL, rotation: {} }),
      ).toThrow(/BULWARK_ROTATION_FUNCTION/);
    });

    test('TOP_SECRET: key, endpoints and rotation problems in one error', () => {
      const s = stack();
      expect(
        () =>
          new ClassifiedSecret(s, 'Secret', {
            classification: Classification.TOP_SECRET,
            encryptionKey: new kms.Key(s, 'K'),
          }),
      ).toThrow(
        /3 problems:[\s\S]*BULWARK_DEDICATED_KEY[\s\S]*BULWARK_VPC_ENDPOINTS_REQUIRED[\s\S]*BULWARK_ROTATION_REQUIRED/,
      );
    });
  });
});
