import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Aws, CfnCondition, CfnMapping, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { evaluate } from '../../lib/engine/evaluate';
import type { ResourceGraph } from '../../lib/graph/graph';
import { loadInput } from '../../lib/sources';
import { securityGroupView } from '../../lib/views/cloudformation/network';
import { AdapterRegistry } from '../../lib/views/registry';
import { cloudFormationAdapters } from '../../lib/views/cloudformation';
import storeEncrypted from '../../policies/rules/data-protection/store-encrypted-at-rest';
import sgAdminPorts from '../../policies/rules/network/sg-admin-ports';
import { EVERY_RULE_MANDATORY } from '../support/cases';

const pack = EVERY_RULE_MANDATORY;

function synth(build: (stack: Stack) => void): ResourceGraph {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-branches-'));
  try {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    build(new Stack(app, 'Branches'));
    app.synth();
    return loadInput([outdir]).graph;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** A condition on a parameter without default: it may be true or false at deploy time. */
function condition(stack: Stack, name: string): CfnCondition {
  const p = new CfnParameter(stack, `${name}Param`);
  return new CfnCondition(stack, name, { expression: Fn.conditionEquals(p.valueAsString, 'yes') });
}

/** Evaluate BW-NS-001 with a security group adapter that counts its calls per group. */
function judge(graph: ResourceGraph) {
  const calls = new Map<string, number>();
  const adapters = new AdapterRegistry().register('cloudformation', 'AWS::EC2::SecurityGroup', (r, ctx) => {
    calls.set(r.logicalId!, (calls.get(r.logicalId!) ?? 0) + 1);
    return securityGroupView(r, ctx);
  });
  const ev = evaluate({ graph, adapters, rules: [sgAdminPorts], pack });
  const results = (id: string) =>
    ev.results.filter((r) => r.resource.logicalId === id).map((r) => `${r.outcome}: ${r.message}`);
  return { results, calls };
}

function group(stack: Stack, id: string): ec2.CfnSecurityGroup {
  return new ec2.CfnSecurityGroup(stack, id, { groupDescription: id, vpcId: 'vpc-12345678' });
}

const ssh = (cidrIp: string) => ({ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp });

describe('engine: resources judged once per deploy-time branch', () => {
  test('each variant is judged; the fail names only the choice it depends on, and the pass is dropped', () => {
    const graph = synth((stack) => {
      const open = condition(stack, 'Open');
      const env = new CfnParameter(stack, 'Env', { allowedValues: ['dev', 'prod'], default: 'dev' });
      const sg = group(stack, 'Web');
      sg.groupDescription = Fn.join(' ', [env.valueAsString, 'web servers']);
      sg.securityGroupIngress = [ssh(Fn.conditionIf(open.logicalId, '0.0.0.0/0', '10.0.0.0/8').toString())];
      group(stack, 'Plain').securityGroupIngress = [ssh('10.0.0.0/8')];
    });
    const { results, calls } = judge(graph);
    expect(results('Web')).toEqual([
      'fail: when condition `Open` is true: `Web` allows ingress from 0.0.0.0/0 to administration port 22 (rule `tcp-22-0.0.0.0/0`, declared by `Web`)',
    ]);
    expect(results('Plain')).toEqual(['pass: `Plain` opens no administration ports to the internet']);
    // A resource without choices is derived once; one with two choices of two options once more per variant.
    expect(calls.get('Plain')).toBe(1);
    expect(calls.get('Web')).toBe(1 + 4);
  });

  test('the same condition takes the same value everywhere in the resource', () => {
    const graph = synth((stack) => {
      const web = condition(stack, 'Public');
      // Public: HTTPS from anywhere; otherwise SSH from the private range. Never SSH from anywhere.
      group(stack, 'Web').securityGroupIngress = [
        {
          ipProtocol: 'tcp',
          fromPort: Fn.conditionIf(web.logicalId, 443, 22) as unknown as number,
          toPort: Fn.conditionIf(web.logicalId, 443, 22) as unknown as number,
          cidrIp: Fn.conditionIf(web.logicalId, '0.0.0.0/0', '10.0.0.0/8').toString(),
        },
      ];
    });
    expect(judge(graph).results('Web')).toEqual([
      'pass: `Web` opens no administration ports to the internet',
    ]);
  });

  test('a condition decided by a parameter takes the value that parameter gives it', () => {
    const graph = synth((stack) => {
      const env = new CfnParameter(stack, 'Env', { allowedValues: ['dev', 'prod'], default: 'dev' });
      const prod = new CfnCondition(stack, 'IsProd', {
        expression: Fn.conditionEquals(env.valueAsString, 'prod'),
      });
      const ports = new CfnMapping(stack, 'Ports', { mapping: { dev: { admin: 22 }, prod: { admin: 443 } } });
      const port = ports.findInMap(env.valueAsString, 'admin') as unknown as number;
      // dev: SSH from the private range; prod: HTTPS from anywhere. Never SSH from anywhere.
      group(stack, 'Web').securityGroupIngress = [
        {
          ipProtocol: 'tcp',
          fromPort: port,
          toPort: port,
          cidrIp: Fn.conditionIf(prod.logicalId, '0.0.0.0/0', '10.0.0.0/8').toString(),
        },
      ];
    });
    const { results, calls } = judge(graph);
    expect(results('Web')).toEqual(['pass: `Web` opens no administration ports to the internet']);
    expect(calls.get('Web')).toBe(1 + 2);
  });

  test('branches that pass for different reasons are each named', () => {
    const graph = synth((stack) => {
      const key = new kms.CfnKey(stack, 'Key', { enableKeyRotation: true });
      new logs.CfnLogGroup(stack, 'Audit', {
        kmsKeyId: Fn.conditionIf(condition(stack, 'UseKey').logicalId, key.attrArn, Aws.NO_VALUE).toString(),
      });
    });
    const ev = evaluate({ graph, adapters: cloudFormationAdapters(), rules: [storeEncrypted], pack });
    expect(ev.results.map((r) => `${r.outcome}: ${r.message}`)).toEqual([
      'pass: when condition `UseKey` is true: `Audit` is encrypted at rest (customer-key); ' +
        'when condition `UseKey` is false: `Audit` is encrypted at rest (provider)',
    ]);
  });

  test('beyond the variant limit the choices stay unknown, and the reason says so', () => {
    const build = (n: number) => (stack: Stack) => {
      group(stack, 'Web').securityGroupIngress = Array.from({ length: n }, (_, i) =>
        ssh(Fn.conditionIf(condition(stack, `C${i}`).logicalId, '10.0.0.0/8', '192.168.0.0/16').toString()),
      );
    };
    // 2^5 = 32 variants: judged one by one, all private.
    expect(judge(synth(build(5))).results('Web')).toEqual([
      'pass: `Web` opens no administration ports to the internet',
    ]);
    const over = judge(synth(build(6))).results('Web');
    expect(over.length).toBeGreaterThan(0);
    for (const r of over) {
      expect(r).toMatch(
        /^unknown: `Web`: ingress rule .* \(depends on condition `C\d` .*; not judged per option: 6 deploy-time choices give 64 combinations, more than 32\)$/,
      );
    }
  });
});
