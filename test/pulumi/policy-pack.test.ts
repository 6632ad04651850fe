import * as path from 'node:path';
import type { PolicyResource, StackValidationArgs } from '@pulumi/policy';
import { fail, pass, defineRule } from '../../lib/engine/rule';
import { ResourceRef } from '../../lib/graph/values';
import { bulwarkPolicies, NOT_JUDGED_POLICY, resourcesOf } from '../../lib/pulumi';
import { capture } from '../../lib/sources/pulumi/capture';
import type { KeyView } from '../../lib/views/kinds';
import { AdapterRegistry } from '../../lib/views/registry';
import { findPack } from '../../policies/packs';
import { RULES } from '../../policies/rules';
import { policyResources } from '../support/pulumi-artifacts';

const program = path.join(__dirname, '../fixtures/pulumi/azure-estate');
let resources: PolicyResource[];
beforeAll(async () => {
  const result = await capture({
    dir: program,
    main: path.join(program, 'index.ts'),
    project: 'azure-estate',
    stack: 'dev',
    config: {
      'azure-native:location': 'westeurope',
      'azure-estate:environment': 'dev',
      'azure-estate:tenantId': '00000000-0000-0000-0000-000000000001',
      'azure-estate:sqlAdminPassword': 'not-a-real-password',
    },
    secretKeys: ['azure-estate:sqlAdminPassword'],
  });
  expect(result.error).toBeUndefined();
  resources = policyResources(result.resources, 'azure-estate');
}, 60_000);

function validate(policyName: string, policies = bulwarkPolicies()) {
  const policy = policies.find((p) => p.name === policyName);
  if (!policy) throw new Error(`no policy ${policyName}`);
  const violations: { message: string; urn?: string }[] = [];
  const args = { resources, getConfig: () => ({}), stackTags: new Map(), notApplicable: () => {} };
  void policy.validateStack(args as unknown as StackValidationArgs, (message, urn) =>
    violations.push({ message, urn }),
  );
  return violations;
}

describe('bulwark/pulumi: a CrossGuard policy pack from the same rules and engine', () => {
  it('has one stack policy per rule the pack enables, enforced as the pack says', () => {
    const pack = findPack('all')!;
    const policies = bulwarkPolicies();
    const enabled = RULES.filter((r) => pack.enforcementOf(r) !== 'disabled');
    expect(policies.map((p) => p.name)).toEqual([...enabled.map((r) => r.id), NOT_JUDGED_POLICY]);
    for (const rule of enabled)
      expect(policies.find((p) => p.name === rule.id)!.enforcementLevel).toBe(pack.enforcementOf(rule));
    expect(policies.some((p) => p.enforcementLevel === 'mandatory')).toBe(true);
  });

  it('reads the validated resources as the Pulumi source does: unknowns from one resource link to it', () => {
    const read = resourcesOf(resources);
    const account = read.find((r) => r.logicalId === 'account')!;
    expect(account.properties.resourceGroupName).toBeInstanceOf(ResourceRef);
    expect((account.properties.resourceGroupName as ResourceRef).address).toBe(
      'urn:pulumi:dev::azure-estate::azure-native:resources:ResourceGroup::estate',
    );
    expect(account.path).toBe('data/account');
    expect(read.find((r) => r.logicalId === 'sql')!.retainOnDelete).toBe(true);
    // The root stack is not a resource of the graph.
    expect(read.map((r) => r.type)).not.toContain('pulumi:pulumi:Stack');
  });

  it('reports every cloud resource no rule reads as not judged, never as compliant', () => {
    const violations = validate(NOT_JUDGED_POLICY);
    // Every cloud resource is read: the storage account, its container, the vault, the server and the
    // NSG by their adapters, the resource group as a type without security facts.
    expect(violations).toEqual([]);
    // The component is not a cloud resource.
    expect(violations.map((v) => v.message).join('\n')).not.toMatch(/DataTier|`data`/);
  });

  it('a rule failing on a resource is a violation of its policy, on its URN, with the Pulumi fix', () => {
    // A view adapter and a rule for this test only: they prove the plumbing, not a control.
    const adapters = new AdapterRegistry().register(
      'pulumi',
      'azure-native:storage:StorageAccount',
      (r) =>
        ({
          kind: 'key',
          resource: r,
          name: r.logicalId ?? r.address,
          rotationEnabled: r.properties.minimumTlsVersion === 'TLS1_2',
        }) as unknown as KeyView,
    );
    const rule = defineRule({
      id: 'BW-DP-999',
      title: 'Storage accounts refuse TLS below 1.2',
      severity: 'high',
      controls: ['mcsb-v1:DP-3'],
      rationale: 'Old TLS versions are broken.',
      fix: { cdk: 'n/a', pulumi: 'Set `minimumTlsVersion: "TLS1_2"`.' },
      appliesTo: ['key'],
      check: (v) =>
        (v as unknown as { rotationEnabled: boolean }).rotationEnabled
          ? pass()
          : fail(`Storage account \`${v.name}\` accepts TLS below 1.2`),
    });
    const policies = bulwarkPolicies({ rules: [rule], adapters });
    expect(policies.find((p) => p.name === 'BW-DP-999')!.enforcementLevel).toBe('mandatory');
    expect(validate('BW-DP-999', policies)).toEqual([
      {
        message: 'Storage account `account` accepts TLS below 1.2. Fix: Set `minimumTlsVersion: "TLS1_2"`.',
        urn: 'urn:pulumi:dev::azure-estate::estate:data:DataTier$azure-native:storage:StorageAccount::account',
      },
    ]);
    // With the adapter, the account is judged: it leaves the not-judged list.
    expect(validate(NOT_JUDGED_POLICY, policies).map((v) => v.urn)).not.toContain(
      'urn:pulumi:dev::azure-estate::estate:data:DataTier$azure-native:storage:StorageAccount::account',
    );
  });
});
