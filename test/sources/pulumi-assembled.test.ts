import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Resource } from '../../lib/graph/resource';
import { ResourceRef, Unknown } from '../../lib/graph/values';
import { loadInput } from '../../lib/sources';
import { capture } from '../../lib/sources/pulumi/capture';
import { previewJson, stackExport } from '../support/pulumi-artifacts';

/**
 * test/support/pulumi-artifacts.ts assembles a stack export and a preview from what a program
 * registers. On the program of test/fixtures/pulumi/azure-estate it must agree with the export and
 * preview assembled by hand for it (test/fixtures/pulumi/hand-assembled).
 */
const fixtures = path.join(__dirname, '../fixtures/pulumi');
const program = path.join(fixtures, 'azure-estate');
const config = {
  'azure-native:location': 'westeurope',
  'azure-estate:environment': 'dev',
  'azure-estate:tenantId': '00000000-0000-0000-0000-000000000001',
  'azure-estate:sqlAdminPassword': 'not-a-real-password',
};
const ctx = {
  project: 'azure-estate',
  stack: 'dev',
  dir: program,
  config,
  secretKeys: ['azure-estate:sqlAdminPassword'],
  subscriptionId: '00000000-0000-0000-0000-000000000000',
};

/** What a route tells of each resource: type, path, links to other resources, unknown and secret inputs. */
function shape(resources: Resource[]): string[] {
  const pathOf = new Map(resources.map((r) => [r.address, r.path]));
  return resources
    .map((r) => {
      const facts: string[] = [];
      const walk = (v: unknown, at: string): void => {
        if (v instanceof ResourceRef) facts.push(`${at}->${pathOf.get(v.address) ?? v.address}`);
        else if (v instanceof Unknown) facts.push(`${at}?${v.reason}`);
        else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
        else if (v && typeof v === 'object')
          for (const [k, x] of Object.entries(v)) walk(x, at ? `${at}.${k}` : k);
      };
      walk(r.properties, '');
      return `${r.type} ${r.path} ${facts.sort().join(' ')}`;
    })
    .sort();
}

let tmp: string;
let assembled: { export: string; preview: string };
beforeAll(async () => {
  const captured = await capture({
    dir: program,
    main: path.join(program, 'index.ts'),
    project: ctx.project,
    stack: ctx.stack,
    config,
    secretKeys: ctx.secretKeys,
  });
  expect(captured.error).toBeUndefined();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-assembled-'));
  assembled = { export: path.join(tmp, 'export.json'), preview: path.join(tmp, 'preview.json') };
  fs.writeFileSync(assembled.export, JSON.stringify(stackExport(captured, ctx), null, 2));
  fs.writeFileSync(assembled.preview, JSON.stringify(previewJson(captured, ctx), null, 2));
}, 60_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const read = (file: string) => [...loadInput([file]).graph.all()];

describe('stack exports and previews assembled from a program', () => {
  it('read as the export assembled by hand does: same resources, links and secrets', () => {
    const hand = shape(read(path.join(fixtures, 'hand-assembled/azure-estate.stack-export.json')));
    expect(hand.join('\n')).toMatch(/administratorLoginPassword\?secret value/);
    expect(shape(read(assembled.export))).toEqual(hand);
  });

  it('read as the preview assembled by hand does: same resources, unknowns and secrets', () => {
    const hand = shape(read(path.join(fixtures, 'hand-assembled/azure-estate.preview.json')));
    expect(hand.join('\n')).toMatch(/resourceGroupName->estate/);
    expect(shape(read(assembled.preview))).toEqual(hand);
  });

  it('an input no one resource fills cannot be assembled: it throws, naming it', () => {
    const captured = {
      resources: [
        {
          urn: 'urn:pulumi:dev::p::azure-native:storage:StorageAccount::a',
          type: 'azure-native:storage:StorageAccount',
          name: 'a',
          custom: true,
          inputs: {
            resourceGroupName: 'rg',
            encryption: { keySource: '04da6b54-80e4-46f7-96ec-b56ff0331ba9' },
          },
          propertyDependencies: {},
        },
      ],
      invokes: [],
    };
    expect(() => stackExport(captured, { ...ctx, project: 'p' })).toThrow(
      /`encryption.keySource` is unknown/,
    );
  });
});
