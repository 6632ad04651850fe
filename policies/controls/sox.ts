import { defineCatalog } from './types';

/** The Act as published (Public Law 107-204). */
const ACT = 'https://www.govinfo.gov/app/details/PLAW-107publ204';

/**
 * The Sarbanes-Oxley Act of 2002: the IT general controls that support management's assessment of
 * internal control over financial reporting (§404), and record retention (§802, which added
 * 18 U.S.C. §§1519 and 1520). The Act names no technical control; these ids name the section and
 * the IT general control an auditor tests under it.
 */
export default defineCatalog({
  framework: 'sox',
  name: 'Sarbanes-Oxley Act',
  version: '2002',
  url: ACT,
  groups: [
    { id: '302', title: '§302: Corporate responsibility for financial reports' },
    { id: '404', title: '§404: Management assessment of internal controls' },
    { id: '802', title: '§802: Criminal penalties for altering documents (record retention)' },
  ],
  controls: [
    {
      id: '302',
      group: '302',
      title: 'Officers certify the financial reports and the disclosure controls',
      url: ACT,
      notAssertable: 'A certification signed by the principal officers; nothing in infrastructure shows it.',
    },
    {
      id: '404-AUDIT-TRAIL',
      group: '404',
      title: '§404: Changes and access to financial systems leave a complete, tamper-evident audit trail',
      url: ACT,
    },
    {
      id: '404-SOD',
      group: '404',
      title: '§404: Separation of duties: no identity holds unrestricted administrative power',
      url: ACT,
    },
    {
      id: '404-RETENTION',
      group: '404',
      title: '§404: Audit logs and backups are retained and cannot be deleted early',
      url: ACT,
    },
    {
      id: '404-ASSESSMENT',
      group: '404',
      title:
        '§404(a)-(b): Management assesses internal control over financial reporting, and the auditor attests to it',
      url: ACT,
      notAssertable:
        'The assessment and attestation are reports people write; Bulwark findings can be evidence for them, not the report itself.',
    },
    {
      id: '802-1519',
      group: '802',
      title: '§802 (18 U.S.C. §1519): Records are protected from destruction and alteration',
      url: ACT,
    },
    {
      id: '802-1520',
      group: '802',
      title: '§802 (18 U.S.C. §1520, SEC Rule 2-06): Audit records are kept for seven years',
      url: ACT,
      notAssertable:
        'Which records are audit records is a legal decision; templates show retention periods (asserted under 404-RETENTION), not which data must meet the seven-year period.',
    },
  ],
});
