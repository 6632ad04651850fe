import { defineCatalog } from './types';

/** The article's page of the regulation's consolidated text. */
const art = (n: number) => `https://gdpr-info.eu/art-${n}-gdpr/`;

/**
 * The General Data Protection Regulation (EU) 2016/679: the articles whose technical part
 * infrastructure configuration can show. Ids are the article, paragraph and point as the regulation
 * numbers them (`Art.32(1)(a)`); what only an organisation's processes can show says why.
 */
export default defineCatalog({
  framework: 'gdpr',
  name: 'General Data Protection Regulation',
  version: '2016/679',
  url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
  groups: [
    { id: 'Art.5', title: 'Art. 5: Principles relating to processing of personal data' },
    { id: 'Art.17', title: 'Art. 17: Right to erasure' },
    { id: 'Art.25', title: 'Art. 25: Data protection by design and by default' },
    { id: 'Art.30', title: 'Art. 30: Records of processing activities' },
    { id: 'Art.32', title: 'Art. 32: Security of processing' },
    { id: 'Art.33', title: 'Art. 33: Notification of a personal data breach to the supervisory authority' },
  ],
  controls: [
    {
      id: 'Art.5(1)(c)',
      group: 'Art.5',
      title:
        'Data minimisation: personal data is limited to what is necessary (no personal data copied into logs)',
      url: art(5),
    },
    {
      id: 'Art.5(1)(e)',
      group: 'Art.5',
      title: 'Storage limitation: personal data, and its backups, are kept no longer than necessary',
      url: art(5),
    },
    {
      id: 'Art.5(1)(f)',
      group: 'Art.5',
      title: 'Integrity and confidentiality: personal data is protected against unauthorised access and loss',
      url: art(5),
    },
    {
      id: 'Art.17',
      group: 'Art.17',
      title: 'Personal data is erased without undue delay on request',
      url: art(17),
      notAssertable:
        'Erasure answers a data subject’s request: a template shows how long copies live (Art. 5(1)(e)), never that a request was carried out.',
    },
    {
      id: 'Art.25(1)',
      group: 'Art.25',
      title:
        'Data protection by design: stores are classified and protected as their classification requires',
      url: art(25),
    },
    {
      id: 'Art.25(2)',
      group: 'Art.25',
      title:
        'Data protection by default: personal data is not made accessible to an indefinite number of persons',
      url: art(25),
    },
    {
      id: 'Art.30',
      group: 'Art.30',
      title: 'Records of processing activities are kept',
      url: art(30),
      notAssertable:
        'The record of processing names purposes, categories of data subjects and recipients: organisational facts no configuration holds.',
    },
    {
      id: 'Art.32(1)(a)',
      group: 'Art.32',
      title: 'Pseudonymisation and encryption of personal data, at rest and in transit',
      url: art(32),
    },
    {
      id: 'Art.32(1)(b)',
      group: 'Art.32',
      title: 'Ongoing confidentiality, integrity, availability and resilience of processing systems',
      url: art(32),
    },
    {
      id: 'Art.32(1)(c)',
      group: 'Art.32',
      title: 'The availability of and access to personal data can be restored in a timely manner',
      url: art(32),
    },
    {
      id: 'Art.32(1)(d)',
      group: 'Art.32',
      title: 'The effectiveness of the security measures is regularly tested, assessed and evaluated',
      url: art(32),
      notAssertable:
        'Regular testing is a process (audits, restore drills, penetration tests); running Bulwark in every pull request is part of it, but no template shows that it happens.',
    },
    {
      id: 'Art.33',
      group: 'Art.33',
      title: 'A personal data breach is notified to the supervisory authority within 72 hours',
      url: art(33),
      notAssertable:
        'Notification is an organisational duty; the infrastructure part (threat findings routed to responders) is asserted under MCSB IR-2 and NIST CSF RS.',
    },
  ],
});
