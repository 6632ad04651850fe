import { ResourceGraph } from '../../lib/graph/graph';
import type { Resource } from '../../lib/graph/resource';
import { ResourceRef, Unknown, type ValueObject } from '../../lib/graph/values';
import { liveAdapters } from '../../lib/drift/adapters';
import { RuleIndex } from '../../lib/engine/check-view';
import { applyDiff, changedEntries, diffViews, sameFact } from '../../lib/drift/diff';
import { defineRule, type CheckContext } from '../../lib/engine/rule';
import { cloudFormationAdapters } from '../../lib/views/cloudformation';
import type { DataStoreView, FirewallView } from '../../lib/views/kinds';
import { ViewSet } from '../../lib/views/registry';
import { findPack } from '../../policies/packs';
import { RULES } from '../../policies/rules';

function resource(
  address: string,
  type: string,
  properties: ValueObject,
  source: Resource['source'] = 'cloudformation',
): Resource {
  return { address, type, source, properties, tags: {}, logicalId: address.split('/')[1], stack: 'S' };
}

const KEY = resource('S/Key', 'AWS::KMS::Key', { EnableKeyRotation: true });
const encrypted = (key: unknown) => ({
  BucketEncryption: {
    ServerSideEncryptionConfiguration: [
      { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: key as ResourceRef } },
    ],
  },
});

function viewsOf(resources: Resource[], live = false) {
  const graph = new ResourceGraph(resources);
  const set = new ViewSet(graph, live ? liveAdapters() : cloudFormationAdapters());
  return { graph, set };
}

const index = new RuleIndex(RULES, findPack('all')!);

function ctxOf(set: ViewSet): CheckContext {
  return { viewOf: (a, k) => set.viewOf(a, k), viewsOfKind: (k) => set.ofKind(k) };
}

describe('fact comparison', () => {
  test('an unknown on either side is never a difference', () => {
    expect(sameFact(new Unknown('x'), 'customer-key')).toBe(true);
    expect(sameFact('none', new Unknown('x'))).toBe(true);
    expect(sameFact({ a: 1, b: new Unknown('y') }, { a: 1, b: 2 })).toBe(true);
    expect(sameFact({ a: 1 }, { a: 2 })).toBe(false);
  });

  test('lists compare as multisets, ignoring where an element was declared', () => {
    const a = {
      direction: 'ingress',
      protocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidr: '10.0.0.0/16',
      declaredBy: 'S/Ing',
    };
    const b = { ...a, declaredBy: 'S/Web', description: 'from the VPC' };
    expect(sameFact([a, { x: 1 }], [{ x: 1 }, b])).toBe(true);
    expect(sameFact([a], [a, a])).toBe(false);
  });
});

describe('view differences', () => {
  const desired = resource('S/Data', 'AWS::S3::Bucket', { ...encrypted(new ResourceRef('S/Key', 'Arn')) });

  test('encryption removed is one fact (atRest), not two, and names the rules it flips', () => {
    const live = resource(
      'S/Data',
      'AWS::S3::Bucket',
      { PublicAccessBlockConfiguration: blockAll() },
      'live',
    );
    const d = viewsOf([KEY, desired]);
    const l = viewsOf([KEY, live], true);
    const dv = d.set.viewOf('S/Data', 'data-store')!;
    const lv = l.set.viewOf('S/Data', 'data-store')!;
    const diffs = diffViews(dv, lv);
    expect(diffs.map((x) => x.path.join('.'))).toEqual(['encryption.atRest']);
    expect(diffs[0]).toMatchObject({ desired: 'customer-key', live: 'provider' });
    const hybrid = applyDiff(dv, diffs[0]!) as DataStoreView;
    expect(hybrid.encryption).toEqual({ atRest: 'provider' });
    const entries = changedEntries({
      desired: [dv],
      live: [lv],
      rules: index,
      ctx: ctxOf(d.set),
      cwd: '/',
      errors: [],
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.rules).toContain('BW-DP-002');
    // The highest severity among the rules it flips: BW-DP-002 alone on an unclassified bucket.
    expect(entries[0]!.severity).toBe('medium');
    expect(entries[0]!.message).toMatch(/BW-DP-002 pass -> fail/);
  });

  test('an unresolved desired key is not drift', () => {
    const unresolved = resource('S/Data', 'AWS::S3::Bucket', { ...encrypted(new Unknown('import')) });
    const live = resource(
      'S/Data',
      'AWS::S3::Bucket',
      { ...encrypted('arn:aws:kms:us-east-1:1:key/k'), PublicAccessBlockConfiguration: blockAll() },
      'live',
    );
    const dv = viewsOf([unresolved]).set.viewOf('S/Data', 'data-store')!;
    const lv = viewsOf([live], true).set.viewOf('S/Data', 'data-store')!;
    expect(diffViews(dv, lv)).toEqual([]);
  });

  test('a rule added to a group is an added element, attributed to the rule it opens', () => {
    const rule = { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.0.0.0/16' };
    const d = viewsOf([
      resource('S/Web', 'AWS::EC2::SecurityGroup', { SecurityGroupIngress: [rule], SecurityGroupEgress: [] }),
    ]);
    const l = viewsOf(
      [
        resource(
          'S/Web',
          'AWS::EC2::SecurityGroup',
          {
            SecurityGroupIngress: [
              rule,
              { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' },
            ],
            SecurityGroupEgress: [],
          },
          'live',
        ),
      ],
      true,
    );
    const dv = d.set.viewOf('S/Web', 'firewall')!;
    const lv = l.set.viewOf('S/Web', 'firewall')!;
    const [diff] = diffViews(dv, lv);
    expect(diff).toMatchObject({ mode: 'added', desired: null });
    expect((applyDiff(dv, diff!) as FirewallView).rules).toHaveLength(2);
    const [e] = changedEntries({
      desired: [dv],
      live: [lv],
      rules: index,
      ctx: ctxOf(d.set),
      cwd: '/',
      errors: [],
    });
    expect(e!.message).toMatch(/rules: added ingress tcp 22 from 0\.0\.0\.0\/0/);
    expect(e!.rules).toContain('BW-NS-001');
  });

  test('a live group named default is its VPC default group', () => {
    const l = viewsOf(
      [
        resource(
          'S/Vpc#dsg',
          'AWS::EC2::SecurityGroup',
          { GroupName: 'default', SecurityGroupEgress: [] },
          'live',
        ),
      ],
      true,
    );
    expect(l.set.viewOf('S/Vpc#dsg', 'firewall')!.isDefault).toBe(true);
  });
});

function blockAll(): ValueObject {
  return {
    BlockPublicAcls: true,
    BlockPublicPolicy: true,
    IgnorePublicAcls: true,
    RestrictPublicBuckets: true,
  };
}

describe('rules run by the engine', () => {
  test('a rule that throws while drift compares is recorded, not swallowed', () => {
    const throwing = defineRule({
      id: 'BW-DP-999',
      title: 'Throws on purpose',
      severity: 'high',
      controls: ['mcsb-v1:DP-5'],
      rationale: 'test',
      fix: 'test',
      appliesTo: ['data-store'],
      check() {
        throw new Error('boom');
      },
    });
    const desired = resource('S/Data', 'AWS::S3::Bucket', { ...encrypted(new ResourceRef('S/Key', 'Arn')) });
    const live = resource('S/Data', 'AWS::S3::Bucket', {}, 'live');
    const d = viewsOf([KEY, desired]);
    const l = viewsOf([KEY, live], true);
    const errors: string[] = [];
    changedEntries({
      desired: [d.set.viewOf('S/Data', 'data-store')!],
      live: [l.set.viewOf('S/Data', 'data-store')!],
      rules: new RuleIndex([throwing], findPack('all')!),
      ctx: ctxOf(d.set),
      cwd: '/',
      errors,
    });
    expect(errors).toEqual(['rule BW-DP-999 failed on `Data`: boom']);
  });
});
