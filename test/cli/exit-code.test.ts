import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkPaths } from '../../lib/check';
import { checkExitCode } from '../../lib/cli/check';

describe('check exit code: what was not read or judged is never clean', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-exit-'));
    fs.writeFileSync(path.join(dir, 'empty.template.json'), '{"Resources": {}}');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a clean run exits 0; a resource whose views could not be derived, or an incomplete input, exits 1', () => {
    const run = checkPaths([path.join(dir, 'empty.template.json')]);
    expect(checkExitCode(run, 'critical')).toBe(0);
    const viewError = { address: 'S/B', type: 'AWS::S3::Bucket', error: 'adapter failed' };
    expect(
      checkExitCode({ ...run, evaluation: { ...run.evaluation, viewErrors: [viewError] } }, 'critical'),
    ).toBe(1);
    expect(
      checkExitCode({ ...run, input: { ...run.input, incomplete: ['nested stack `S/N`'] } }, 'critical'),
    ).toBe(1);
  });
});
