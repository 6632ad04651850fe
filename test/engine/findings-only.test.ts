import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Tags } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { checkGraph } from '../../lib/check';
import { buildReport } from '../../lib/report';
import { loadInput } from '../../lib/sources';

test('keeping only findings changes nothing a report counts or scores', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-findings-only-'));
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Mixed');
  new s3.Bucket(stack, 'Plain');
  const kept = new s3.Bucket(stack, 'Kept', {
    encryptionKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }),
    enforceSSL: true,
    versioned: true,
  });
  Tags.of(kept).add('data-classification', 'public');
  app.synth();
  const { graph } = loadInput([outdir]);
  const all = checkGraph(graph, { findingsOnly: false }).evaluation;
  const lean = checkGraph(graph, { findingsOnly: true }).evaluation;
  // The lean evaluation keeps fail and unknown results only, and counts the rest.
  expect(lean.results.every((r) => r.outcome === 'fail' || r.outcome === 'unknown')).toBe(true);
  expect(lean.results.length).toBeLessThan(all.results.length);
  expect(lean.dropped.passed).toBe(all.results.filter((r) => r.outcome === 'pass').length);
  expect(lean.dropped.notApplicable).toBe(all.results.filter((r) => r.outcome === 'not_applicable').length);
  expect(lean.score).toEqual(all.score);
  const summary = (e: typeof all) => buildReport(e, { inputs: [outdir] }).summary;
  expect(summary(lean)).toEqual(summary(all));
  fs.rmSync(outdir, { recursive: true, force: true });
});
