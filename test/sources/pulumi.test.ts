import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkGraph, checkPaths } from '../../lib/check';
import { defineRule, fail } from '../../lib/engine/rule';
import { ResourceGraph } from '../../lib/graph/graph';
import { buildReport } from '../../lib/report/model';
import type { KeyView } from '../../lib/views/kinds';
import { AdapterRegistry } from '../../lib/views/registry';
import { fixFor, frontEndOf } from '../../lib/engine/fix';
import { isInputError } from '../../lib/errors';
import type { Resource } from '../../lib/graph/resource';
import { get, ResourceRef, show, Unknown, type Value } from '../../lib/graph/values';
import { loadInput, SOURCES } from '../../lib/sources';
import { pulumiSource, REDACTED } from '../../lib/sources/pulumi';
import { runCli } from '../support/cli';

const fixtures = path.join(__dirname, '../fixtures');
const program = path.join(fixtures, 'pulumi/azure-estate');
const exported = path.join(fixtures, 'pulumi/hand-assembled/azure-estate.stack-export.json');
const preview = path.join(fixtures, 'pulumi/hand-assembled/azure-estate.preview.json');
const urn = (qualifiedType: string, name: string) =>
  `urn:pulumi:dev::azure-estate::${qualifiedType}::${name}`;
const RG = urn('azure-native:resources:ResourceGroup', 'estate');
const ACCOUNT = urn('estate:data:DataTier$azure-native:storage:StorageAccount', 'account');

// Running the program takes a few seconds: each route is read once.
const routes: Record<string, Resource[]> = {};
function read(name: 'program' | 'export' | 'preview'): Resource[] {
  const p = { program, export: exported, preview }[name];
  return (routes[name] ??= [...loadInput([p]).graph.all()]);
}
function byName(resources: Resource[], name: string): Resource {
  const r = resources.find((x) => x.logicalId === name);
  if (!r) throw new Error(`no resource ${name}`);
  return r;
}

describe('Pulumi source: a real azure-native program run under mocks', () => {
  it('reads every resource the program registers, with its URN, parent chain and declaration line', () => {
    const resources = read('program');
    expect(resources.map((r) => [r.type, r.address, r.path])).toEqual([
      ['estate:data:DataTier', urn('estate:data:DataTier', 'data'), 'data'],
      ['azure-native:resources:ResourceGroup', RG, 'estate'],
      ['azure-native:keyvault:Vault', urn('azure-native:keyvault:Vault', 'vault'), 'vault'],
      ['azure-native:sql:Server', urn('azure-native:sql:Server', 'sql'), 'sql'],
      ['azure-native:storage:StorageAccount', ACCOUNT, 'data/account'],
      [
        'azure-native:network:NetworkSecurityGroup',
        urn('azure-native:network:NetworkSecurityGroup', 'web'),
        'web',
      ],
      [
        'azure-native:storage:BlobContainer',
        urn(
          'estate:data:DataTier$azure-native:storage:StorageAccount$azure-native:storage:BlobContainer',
          'reports',
        ),
        'data/account/reports',
      ],
    ]);
    expect(resources.every((r) => r.source === 'pulumi' && r.stack === 'dev')).toBe(true);
    // Lines of the `new ...(` calls in the TypeScript source, not in its transpiled form.
    expect(byName(resources, 'estate').location).toEqual({
      file: path.join(program, 'index.ts'),
      line: 12,
      column: 15,
    });
    expect(byName(resources, 'account').location).toEqual({
      file: path.join(program, 'data.ts'),
      line: 15,
      column: 21,
    });
    expect(byName(resources, 'sql').retainOnDelete).toBe(true);
    expect(byName(resources, 'vault').retainOnDelete).toBe(false);
  });

  it('reads the inputs azure-native registers, client-side defaults included', () => {
    const vault = byName(read('program'), 'vault');
    expect(get(vault.properties, 'properties', 'enableRbacAuthorization')).toBe(false);
    expect(get(vault.properties, 'properties', 'enablePurgeProtection')).toBe(true);
    expect(get(vault.properties, 'properties', 'publicNetworkAccess')).toBe('enabled');
  });

  it('runs with the stack file and the project defaults as configuration', () => {
    const resources = read('program');
    expect(get(byName(resources, 'vault').properties, 'properties', 'tenantId')).toBe(
      '00000000-0000-0000-0000-000000000001',
    );
    expect(get(byName(resources, 'vault').properties, 'vaultName')).toBe('kv-estate-dev');
    expect(get(byName(resources, 'estate').properties, 'location')).toBe('westeurope');
  });

  it('links an input that is another resource output to that resource', () => {
    const resources = read('program');
    const rg = get(byName(resources, 'account').properties, 'resourceGroupName');
    expect(rg).toBeInstanceOf(ResourceRef);
    expect((rg as ResourceRef).address).toBe(RG);
    const account = get(byName(resources, 'reports').properties, 'accountName');
    expect((account as ResourceRef).address).toBe(ACCOUNT);
  });

  it('never shows a secure configuration value: it is a redacted unknown', () => {
    const sql = byName(read('program'), 'sql');
    const password = get(sql.properties, 'administratorLoginPassword');
    expect(password).toBeInstanceOf(Unknown);
    expect((password as Unknown).reason).toBe(REDACTED);
    expect(JSON.stringify(show(sql.properties))).not.toMatch(/v1:Hx2m8|bulwark-redacted/);
  });

  it('judges the azure-native types adapters read; the resource group holds no security fact', async () => {
    const run = checkPaths([program]);
    const failed = (name: string) =>
      run.evaluation.results
        .filter((r) => r.resource.logicalId === name && r.outcome === 'fail')
        .map((r) => r.rule.id);
    // The storage account accepts TLS 1.0 and public blobs; the SQL server TLS 1.0 and SQL logins.
    expect(failed('account')).toEqual(expect.arrayContaining(['BW-DP-008', 'BW-DP-026']));
    expect(failed('sql')).toEqual(expect.arrayContaining(['BW-DP-026', 'BW-IM-012', 'BW-LT-108']));
    // The vault keeps its access policies and sends no resource logs; its purge protection passes.
    expect(failed('vault')).toEqual(['BW-PA-010', 'BW-LT-110']);
    // The NSG admits RDP from the internet.
    expect(failed('web')).toContain('BW-NS-001');
    // The container is read through its account, the NSG by the network adapters, the resource group
    // as a type without security facts: nothing is left not judged.
    expect(run.input.incomplete).toEqual([]);
    // The component is not a cloud resource: it is not listed.
    expect(run.input.incomplete.join('\n')).not.toMatch(/DataTier/);
    const cli = await runCli(['check', program, '--format', 'json']);
    expect(cli.code).toBe(1);
  });
});

describe('Pulumi source: stack export and preview give the same resources as the program', () => {
  /** What every route must agree on: type, name, parent chain, and the inputs rules will read. */
  function keyFacts(resources: Resource[]) {
    const keys: [string, ...string[]][] = [
      ['minimumTlsVersion'],
      ['allowBlobPublicAccess'],
      ['enableHttpsTrafficOnly'],
      ['publicAccess'],
      ['minimalTlsVersion'],
      ['publicNetworkAccess'],
      ['securityRules'],
      ['properties', 'enableRbacAuthorization'],
      ['properties', 'enablePurgeProtection'],
      ['properties', 'networkAcls'],
      ['tags'],
    ];
    const plain = (v: Value | undefined) =>
      v instanceof ResourceRef ? `ref:${v.address}` : v instanceof Unknown ? `unknown:${v.reason}` : v;
    return resources
      .map((r) => ({
        type: r.type,
        name: r.logicalId,
        path: r.path,
        resourceGroup: plain(get(r.properties, 'resourceGroupName')),
        password: plain(get(r.properties, 'administratorLoginPassword')),
        ...Object.fromEntries(keys.map((k) => [k.join('.'), plain(get(r.properties, ...k))])),
      }))
      .sort((a, b) => ((a.path ?? '') < (b.path ?? '') ? -1 : 1));
  }

  it('reads the same resources, links and key inputs from all three', () => {
    const fromProgram = keyFacts(read('program'));
    expect(keyFacts(read('export'))).toEqual(fromProgram);
    expect(keyFacts(read('preview'))).toEqual(fromProgram);
    expect(fromProgram.find((r) => r.name === 'account')).toMatchObject({
      minimumTlsVersion: 'TLS1_0',
      allowBlobPublicAccess: true,
      resourceGroup: `ref:${RG}`,
    });
  });

  it('an export links a known value equal to a dependency output (name, id) with the attribute', () => {
    const account = get(byName(read('export'), 'reports').properties, 'accountName') as ResourceRef;
    expect([account.address, account.attribute]).toEqual([ACCOUNT, 'name']);
    expect(byName(read('export'), 'account').identities).toContain('accounta1b2c3d4');
  });

  it('a preview does not judge a resource being deleted, and reads `[secret]` as redacted', () => {
    const resources = read('preview');
    expect(resources.find((r) => r.logicalId === 'legacy')).toBeUndefined();
    expect((get(byName(resources, 'sql').properties, 'administratorLoginPassword') as Unknown).reason).toBe(
      REDACTED,
    );
  });

  it('recognises each artifact by content, and nothing else takes them', () => {
    for (const p of [program, path.join(program, 'Pulumi.yaml'), exported, preview]) {
      expect(SOURCES.filter((s) => s.recognises(p)).map((s) => s.kind)).toEqual(['pulumi']);
    }
    expect(pulumiSource.recognises(path.join(fixtures, 'hand-written/terraform-plan-truncated.json'))).toBe(
      false,
    );
    expect(pulumiSource.recognises(path.join(program, 'index.ts'))).toBe(false);
  });
});

describe('Pulumi source: bad input is one line naming the file, exit 2', () => {
  let tmp: string;
  beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-pulumi-'))));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function fails(argv: string[], pattern: RegExp) {
    const { code, stdout, stderr } = await runCli(['check', ...argv]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(pattern);
    expect(stderr).not.toMatch(/\n\s+at /);
  }

  it('a program that throws while it loads', async () => {
    const throwing = path.join(fixtures, 'pulumi/throwing');
    await fails(
      [throwing, '--stack', 'dev'],
      new RegExp(
        `${path.join(throwing, 'index.ts')}: the program failed: .*Missing required configuration variable 'throwing:region'`,
      ),
    );
  });

  it('a program that throws later, inside an apply', async () => {
    const throwing = path.join(fixtures, 'pulumi/throwing');
    await fails(
      [throwing, '--stack', 'apply'],
      new RegExp(
        `${path.join(throwing, 'index.ts')}: the program failed: .*no copy of a group in westeurope`,
      ),
    );
  });

  it('a stack given with --stack that has no stack file', async () => {
    await fails([program, '--stack', 'prod'], /Pulumi\.prod\.yaml: no such stack file \(stacks here: dev\)/);
  });

  it('several stack files and no --stack', async () => {
    const dir = path.join(tmp, 'two-stacks');
    fs.mkdirSync(dir);
    for (const f of ['Pulumi.yaml', 'Pulumi.dev.yaml', 'index.ts'])
      fs.copyFileSync(path.join(program, f), path.join(dir, f));
    fs.copyFileSync(path.join(program, 'Pulumi.dev.yaml'), path.join(dir, 'Pulumi.prod.yaml'));
    await fails([dir], /Pulumi\.yaml: several stacks \(dev, prod\): choose one with --stack/);
    try {
      loadInput([dir], { stack: 'prod' });
      throw new Error('expected an input error');
    } catch (e) {
      // The stack is chosen; outside the repository, the program's own @pulumi/pulumi is missing.
      expect(isInputError(e) && e.message).toMatch(
        /index\.ts: the program failed: @pulumi\/pulumi does not resolve from the program directory/,
      );
    }
  });

  it('a project without a stack file', async () => {
    const dir = path.join(tmp, 'no-stack');
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(program, 'Pulumi.yaml'), path.join(dir, 'Pulumi.yaml'));
    fs.copyFileSync(path.join(program, 'index.ts'), path.join(dir, 'index.ts'));
    await fails([dir], /Pulumi\.yaml: no stack file/);
  });

  it('a truncated stack export', async () => {
    await fails(
      [path.join(fixtures, 'hand-written/pulumi-stack-export-truncated.json')],
      /pulumi-stack-export-truncated\.json:\d+:\d+: /,
    );
  });

  it('a stack export of an unknown version', async () => {
    await fails(
      [path.join(fixtures, 'hand-written/pulumi-stack-export-version-4.json')],
      /stack export version 4 is not read \(version 3 is\)/,
    );
  });
});

describe('Pulumi front end', () => {
  it('a Pulumi resource takes the rule fix for Pulumi, else the neutral line', () => {
    const resource = byName(read('export'), 'account');
    expect(frontEndOf(resource)).toBe('pulumi');
    expect(
      fixFor({ fix: { cdk: 'Set `enforceSSL`.', pulumi: 'Set `minimumTlsVersion: "TLS1_2"`.' } }, 'pulumi'),
    ).toBe('Set `minimumTlsVersion: "TLS1_2"`.');
    expect(fixFor({ fix: { cdk: 'Set `enforceSSL`.', terraform: 'Set `x`.' } }, frontEndOf(resource))).toBe(
      'no Pulumi fix is written for this rule; see its rationale',
    );
  });
  it("a finding on a Pulumi resource shows the rule's Pulumi fix in the report, else the neutral line", () => {
    // A view adapter and a rule for this test only: they prove the front end, not a control.
    const adapters = new AdapterRegistry().register(
      'pulumi',
      'azure-native:storage:StorageAccount',
      (r) => ({ kind: 'key', resource: r, name: r.logicalId ?? r.address }) as unknown as KeyView,
    );
    const spec = {
      id: 'BW-DP-999',
      title: 'Storage accounts refuse TLS below 1.2',
      severity: 'high' as const,
      controls: ['mcsb-v1:DP-3'],
      rationale: 'Old TLS versions are broken.',
      appliesTo: ['key' as const],
      check: (v: KeyView) => fail(`Storage account \`${v.name}\` accepts TLS below 1.2`),
    };
    const graph = new ResourceGraph(read('program'));
    const fixes = (fix: Parameters<typeof defineRule>[0]['fix']) => {
      const { evaluation } = checkGraph(graph, { rules: [defineRule({ ...spec, fix })], adapters });
      return buildReport(evaluation, { inputs: [program] }).findings.map((f) => [f.resource.address, f.fix]);
    };
    expect(fixes({ cdk: 'Set `enforceSSL`.', pulumi: 'Set `minimumTlsVersion: "TLS1_2"`.' })).toEqual([
      [ACCOUNT, 'Set `minimumTlsVersion: "TLS1_2"`.'],
    ]);
    expect(fixes({ cdk: 'Set `enforceSSL`.', terraform: 'Set `min_tls_version`.' })).toEqual([
      [ACCOUNT, 'no Pulumi fix is written for this rule; see its rationale'],
    ]);
  });
});
