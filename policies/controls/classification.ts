import { defineCatalog } from './types';

/** Section of docs/classification.md in this repository. */
const url = (anchor: string) => `docs/classification.md#${anchor}`;

/** Bulwark's data classification policy: one control a row of the requirement table. */
export default defineCatalog({
  framework: 'classification',
  name: 'Bulwark data classification policy',
  version: '1',
  url: url('what-each-level-requires'),
  groups: [{ id: 'CLS', title: 'Data classification' }],
  controls: [
    { id: 'TAG', group: 'CLS', title: 'Data stores carry a valid data-classification tag', url: url('tag') },
    {
      id: 'AT-REST',
      group: 'CLS',
      title: 'Data at rest is encrypted as the level requires',
      url: url('encryption-at-rest'),
    },
    {
      id: 'KEY-ROTATION',
      group: 'CLS',
      title: 'Keys rotate at least as often as the level requires',
      url: url('key-rotation'),
    },
    {
      id: 'IN-TRANSIT',
      group: 'CLS',
      title: 'Data in transit uses the TLS floor of the level',
      url: url('in-transit'),
    },
    {
      id: 'PUBLIC-ACCESS',
      group: 'CLS',
      title: 'Public access is blocked unless the level is PUBLIC',
      url: url('public-access'),
    },
    {
      id: 'ACCESS-MODEL',
      group: 'CLS',
      title: 'Access follows the access model of the level',
      url: url('access-model'),
    },
    {
      id: 'RETENTION',
      group: 'CLS',
      title: 'Data expires within the retention of the level',
      url: url('data-retention'),
    },
    {
      id: 'BACKUP',
      group: 'CLS',
      title: 'Backups run at the cadence of the level, locked as it requires',
      url: url('backups'),
    },
    {
      id: 'BACKUP-LIFETIME',
      group: 'CLS',
      title: 'Backups never outlive the data',
      url: url('backups-never-outlive-the-data'),
    },
    { id: 'AUDIT', group: 'CLS', title: 'Access is audited as the level requires', url: url('audit') },
    {
      id: 'PII-MASKING',
      group: 'CLS',
      title: 'Logs of confidential data and above mask PII',
      url: url('pii-masking'),
    },
    {
      id: 'DELETION-PROTECTION',
      group: 'CLS',
      title: 'Classified data is protected from deletion',
      url: url('deletion-protection'),
    },
  ],
});
