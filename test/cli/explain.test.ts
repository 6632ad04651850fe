import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { RULES } from '../../policies/rules';
import { ruleSourceFile } from '../../policies/rules/source';

const root = path.join(__dirname, '../..');

test('`bulwark explain` names the file that declares the rule', async () => {
  const text = await runCli(['explain', 'bw-dp-006']);
  expect(text.code).toBe(0);
  expect(text.stdout).toMatch(/^source: policies\/rules\/data-protection\/object-store-tls-only\.ts$/m);
  const json = await runCli(['explain', 'BW-DP-006', '--format', 'json']);
  expect(JSON.parse(json.stdout)).toMatchObject({
    source: 'policies/rules/data-protection/object-store-tls-only.ts',
  });
});

test('every rule has a source file that exists and declares its id', () => {
  for (const rule of RULES) {
    const file = ruleSourceFile(rule.id);
    expect({ id: rule.id, file }).toEqual({ id: rule.id, file: expect.stringMatching(/^policies\/rules\//) });
    expect(fs.readFileSync(path.join(root, file!), 'utf8')).toContain(`id: '${rule.id}'`);
  }
});
