import { defineCatalog } from './types';

/** The section's page in California's official code text. */
const section = (n: string) =>
  `https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&sectionNum=${n}`;

/**
 * The California Consumer Privacy Act of 2018, as amended by the California Privacy Rights Act
 * (Civil Code §1798.100 et seq.): the sections whose technical part infrastructure configuration
 * can show. Ids are the section and subdivision (`1798.100(e)`).
 */
export default defineCatalog({
  framework: 'ccpa',
  name: 'California Consumer Privacy Act (as amended by the CPRA)',
  version: 'Cal. Civ. Code §1798.100 et seq.',
  url: 'https://leginfo.legislature.ca.gov/faces/codes_displayText.xhtml?division=3.&part=4.&lawCode=CIV&title=1.81.5',
  groups: [
    { id: '1798.100', title: '§1798.100: General duties of businesses that collect personal information' },
    { id: '1798.105', title: '§1798.105: Consumers’ right to delete personal information' },
    { id: '1798.130', title: '§1798.130: Notice, disclosure, correction and deletion requirements' },
  ],
  controls: [
    {
      id: '1798.100(a)(3)',
      group: '1798.100',
      title: 'Personal information is retained no longer than the disclosed, reasonably necessary period',
      url: section('1798.100'),
    },
    {
      id: '1798.100(c)',
      group: '1798.100',
      title:
        'Collection, use and retention are reasonably necessary and proportionate (no personal data copied into logs)',
      url: section('1798.100'),
    },
    {
      id: '1798.100(e)',
      group: '1798.100',
      title:
        'Reasonable security procedures protect personal information from unauthorised access, destruction, use, modification or disclosure',
      url: section('1798.100'),
    },
    {
      id: '1798.105',
      group: '1798.105',
      title:
        'Deleted personal information does not live on: copies in backups and stores expire within a bounded time',
      url: section('1798.105'),
    },
    {
      id: '1798.130',
      group: '1798.130',
      title: 'Consumers have methods to submit requests, and requests are answered within 45 days',
      url: section('1798.130'),
      notAssertable: 'Request intake and response times are business processes; no template shows them.',
    },
  ],
});
