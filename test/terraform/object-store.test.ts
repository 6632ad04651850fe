import { Classification, LEVELS, atLeast, requirementsFor, tagValue } from '../../lib/classification';
import { ClassifiedObjectStore, clearancesFor } from '../../lib/terraform';
import { policyOf, synth } from './support';

const perimeter = (level: Classification) => atLeast(level, Classification.RESTRICTED);
const storeProps = (level: Classification) => ({
  classification: level,
  ...(perimeter(level)
    ? { allowedVpcEndpoints: ['vpce-0123456789abcdef0'], accessLogsBucket: 'access-logs' }
    : {}),
});

describe.each(LEVELS)('ClassifiedObjectStore %s', (level) => {
  const req = requirementsFor(level);
  const out = synth((stack) => new ClassifiedObjectStore(stack, 'Store', storeProps(level)));
  const bucket = out.one('aws_s3_bucket', /^Store_Bucket_/);

  test('the bucket is tagged with the level and kept from terraform destroy as the level asks', () => {
    expect(bucket.args.tags).toEqual({ 'data-classification': tagValue(level) });
    expect(bucket.args.lifecycle).toEqual({ prevent_destroy: req.deletionProtection });
  });

  test('encryption follows the at-rest requirement, with a customer key from CONFIDENTIAL up', () => {
    const sse = out.one('aws_s3_bucket_server_side_encryption_configuration', /^Store_Encryption_/);
    const rule = (sse.args.rule as Record<string, unknown>[])[0]!;
    const byDefault = rule.apply_server_side_encryption_by_default as Record<string, string>;
    const expected = {
      provider: 'AES256',
      kms: 'aws:kms',
      'customer-key': 'aws:kms',
      'dedicated-customer-key': 'aws:kms',
      double: 'aws:kms:dsse',
    }[req.atRest];
    expect(byDefault.sse_algorithm).toBe(expected);
    const keys = out.of('aws_kms_key', /^Store_Key_/);
    if (req.keyRotationDays !== undefined) {
      expect(keys).toHaveLength(1);
      expect(byDefault.kms_master_key_id).toBe(`\${aws_kms_key.${keys[0]!.name}.arn}`);
      expect(keys[0]!.args.enable_key_rotation).toBe(true);
      expect(keys[0]!.args.rotation_period_in_days).toBe(req.keyRotationDays);
    } else {
      expect(keys).toHaveLength(0);
      expect(byDefault.kms_master_key_id).toBeUndefined();
    }
  });

  test('public access is blocked and ACLs are disabled', () => {
    const pab = out.one('aws_s3_bucket_public_access_block', /^Store_PublicAccessBlock_/);
    expect(pab.args).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    const own = out.one('aws_s3_bucket_ownership_controls', /^Store_OwnershipControls_/);
    expect(own.args.rule).toEqual({ object_ownership: 'BucketOwnerEnforced' });
  });

  test('versioning and expiry follow the data retention', () => {
    expect(out.of('aws_s3_bucket_versioning', /^Store_/)).toHaveLength(
      atLeast(level, Classification.INTERNAL) ? 1 : 0,
    );
    const lc = out.one('aws_s3_bucket_lifecycle_configuration', /^Store_Lifecycle_/);
    const rule = (lc.args.rule as Record<string, unknown>[])[0]!;
    if (req.dataRetentionDays === undefined) {
      expect(rule.expiration).toBeUndefined();
    } else {
      expect(rule.expiration).toEqual([{ days: req.dataRetentionDays }]);
      expect(rule.noncurrent_version_expiration).toEqual([
        {
          noncurrent_days: Math.min(req.backup.retentionDays ?? req.dataRetentionDays, req.dataRetentionDays),
        },
      ]);
    }
  });

  test('the bucket policy denies requests without TLS and below the level TLS floor', () => {
    const policy = policyOf(out.one('aws_s3_bucket_policy', /^Store_Policy_/));
    const tls = policy.Statement.find((s) => s.Condition?.Bool?.['aws:SecureTransport'] === 'false');
    expect(tls?.Effect).toBe('Deny');
    const floor = policy.Statement.find((s) => s.Condition?.NumericLessThan);
    const wanted = req.inTransit.startsWith('tls1.3') ? 1.3 : 1.2;
    expect(floor?.Condition?.NumericLessThan).toEqual({ 's3:TlsVersion': wanted });
  });

  test('the access perimeter (clearance, VPC endpoints, MFA) is enforced as the access model asks', () => {
    const policy = policyOf(out.one('aws_s3_bucket_policy', /^Store_Policy_/));
    const sids = policy.Statement.map((s) => s.Sid);
    expect(sids.includes('DenyWithoutClearance')).toBe(perimeter(level));
    expect(sids.includes('DenyOutsideVpcEndpoints')).toBe(perimeter(level));
    expect(sids.includes('DenyHumansWithoutMfa')).toBe(req.accessModel === 'zero-trust');
    if (perimeter(level)) {
      const clearance = policy.Statement.find((s) => s.Sid === 'DenyWithoutClearance')!;
      expect(clearance.Condition?.StringNotEquals?.['aws:PrincipalTag/clearance']).toEqual(
        clearancesFor(level),
      );
      expect(out.one('aws_s3_bucket_logging', /^Store_AccessLogs_/).args.target_bucket).toBe('access-logs');
    }
  });
});

test('publicRead relaxes the public access block for PUBLIC data and records the reason in the `//` block', () => {
  const out = synth(
    (stack) =>
      new ClassifiedObjectStore(stack, 'Site', {
        classification: Classification.PUBLIC,
        publicRead: { reason: 'static website assets served to anyone' },
      }),
    { full: true },
  );
  const pab = out.one('aws_s3_bucket_public_access_block', /^Site_PublicAccessBlock_/);
  expect(pab.args.block_public_policy).toBe(false);
  expect(pab.args['//']).toEqual({
    metadata: expect.objectContaining({ path: 'test/Site/PublicAccessBlock' }),
    'bulwark:opt-out': [
      { rule: 'BW-DP-008', prop: 'publicRead', reason: 'static website assets served to anyone' },
    ],
  });
});

test('props that contradict the level are refused at once, each named', () => {
  expect(() =>
    synth((stack) => new ClassifiedObjectStore(stack, 'S', { classification: Classification.RESTRICTED })),
  ).toThrow(/allowedVpcEndpoints[\s\S]*accessLogsBucket/);
  expect(() =>
    synth(
      (stack) =>
        new ClassifiedObjectStore(stack, 'S', {
          classification: Classification.INTERNAL,
          publicRead: { reason: 'not allowed for internal data' },
        }),
    ),
  ).toThrow(/BULWARK_PUBLIC_READ_LEVEL/);
});
