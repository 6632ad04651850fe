import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { checkGraph } from '../../lib/check';
import { buildReport, renderMarkdown } from '../../lib/report';
import { loadInput } from '../../lib/sources';

test('a Markdown comment lists at most the first findings and says how many more there are', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-md-'));
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Many');
  for (let i = 0; i < 40; i++) new s3.Bucket(stack, `B${i}`);
  app.synth();
  const { evaluation } = checkGraph(loadInput([outdir]).graph, { suppressionsFile: undefined });
  const report = buildReport(evaluation, { inputs: [outdir] });
  const open = report.findings.filter((f) => !f.suppressed).length;
  expect(open).toBeGreaterThan(20);
  const md = renderMarkdown(report, 20);
  const rows = md
    .split('\n')
    .filter((l) => l.startsWith('| ') && /BW-[A-Z]{2}-\d{3}/.test(l) && !l.includes('Reason'));
  expect(rows).toHaveLength(20);
  expect(md).toContain(
    `Only the first 20 findings are listed; the JSON, SARIF and text reports have all ${open}.`,
  );
  // Natural order of addresses: B2 before B10.
  const order = report.findings.filter((f) => f.ruleId === 'BW-DP-002').map((f) => f.resource.path);
  expect(order.indexOf('Many/B2/Resource')).toBeLessThan(order.indexOf('Many/B10/Resource'));
  fs.rmSync(outdir, { recursive: true, force: true });
});
