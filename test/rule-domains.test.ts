import { RULES } from '../policies/rules';
import { ruleSourceFile } from '../policies/rules/source';

/** MCSB domain folders and the id prefix their rules carry. */
const PREFIX: Readonly<Record<string, string>> = {
  'asset-management': 'AM',
  backup: 'BR',
  'data-protection': 'DP',
  devops: 'DS',
  endpoint: 'ES',
  identity: 'IM',
  'incident-response': 'IR',
  logging: 'LT',
  network: 'NS',
  posture: 'PV',
  'privileged-access': 'PA',
};

test('every rule lives in the folder of the MCSB domain its id names', () => {
  const misplaced = RULES.map((r) => ({ id: r.id, file: ruleSourceFile(r.id) ?? '?' })).filter(
    ({ id, file }) => PREFIX[file.split('/')[2] ?? ''] !== id.split('-')[1],
  );
  expect(misplaced).toEqual([]);
});
