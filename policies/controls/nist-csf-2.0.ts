import { defineCatalog } from './types';

export default defineCatalog({
  framework: 'nist-csf-2.0',
  name: 'NIST Cybersecurity Framework',
  version: '2.0',
  url: 'https://csrc.nist.gov/pubs/cswp/29/the-nist-cybersecurity-framework-csf-20/final',
  groups: [
    { id: 'GV', title: 'Govern' },
    { id: 'ID', title: 'Identify' },
    { id: 'PR', title: 'Protect' },
    { id: 'DE', title: 'Detect' },
    { id: 'RS', title: 'Respond' },
    { id: 'RC', title: 'Recover' },
    { id: 'GV.OC', title: 'Organizational Context', parent: 'GV' },
    { id: 'GV.RM', title: 'Risk Management Strategy', parent: 'GV' },
    { id: 'GV.RR', title: 'Roles, Responsibilities, and Authorities', parent: 'GV' },
    { id: 'GV.PO', title: 'Policy', parent: 'GV' },
    { id: 'GV.OV', title: 'Oversight', parent: 'GV' },
    { id: 'GV.SC', title: 'Cybersecurity Supply Chain Risk Management', parent: 'GV' },
    { id: 'ID.AM', title: 'Asset Management', parent: 'ID' },
    { id: 'ID.RA', title: 'Risk Assessment', parent: 'ID' },
    { id: 'ID.IM', title: 'Improvement', parent: 'ID' },
    { id: 'PR.AA', title: 'Identity Management, Authentication, and Access Control', parent: 'PR' },
    { id: 'PR.AT', title: 'Awareness and Training', parent: 'PR' },
    { id: 'PR.DS', title: 'Data Security', parent: 'PR' },
    { id: 'PR.PS', title: 'Platform Security', parent: 'PR' },
    { id: 'PR.IR', title: 'Technology Infrastructure Resilience', parent: 'PR' },
    { id: 'DE.CM', title: 'Continuous Monitoring', parent: 'DE' },
    { id: 'DE.AE', title: 'Adverse Event Analysis', parent: 'DE' },
    { id: 'RS.MA', title: 'Incident Management', parent: 'RS' },
    { id: 'RS.AN', title: 'Incident Analysis', parent: 'RS' },
    { id: 'RS.CO', title: 'Incident Response Reporting and Communication', parent: 'RS' },
    { id: 'RS.MI', title: 'Incident Mitigation', parent: 'RS' },
    { id: 'RC.RP', title: 'Incident Recovery Plan Execution', parent: 'RC' },
    { id: 'RC.CO', title: 'Incident Recovery Communication', parent: 'RC' },
  ],
  controls: [
    {
      id: 'ID.AM-01',
      group: 'ID.AM',
      title: 'Inventories of hardware managed by the organization are maintained',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/id/id-am/id-am-01/',
      notAssertable:
        "In the cloud the provider inventories the hardware; the tenant's virtual resources are inventoried under ID.AM-02.",
    },
    {
      id: 'ID.AM-02',
      group: 'ID.AM',
      title: 'Inventories of software, services, and systems managed by the organization are maintained',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/id/id-am/id-am-02/',
    },
    {
      id: 'ID.AM-05',
      group: 'ID.AM',
      title:
        'Assets are prioritized based on classification, criticality, resources, and impact on the mission',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/id/id-am/id-am-05/',
    },
    {
      id: 'ID.AM-07',
      group: 'ID.AM',
      title: 'Inventories of data and corresponding metadata for designated data types are maintained',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/id/id-am/id-am-07/',
    },
    {
      id: 'ID.AM-08',
      group: 'ID.AM',
      title: 'Systems, hardware, software, services, and data are managed throughout their life cycles',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/id/id-am/id-am-08/',
    },
    {
      id: 'ID.RA-01',
      group: 'ID.RA',
      title: 'Vulnerabilities in assets are identified, validated, and recorded',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/id/id-ra/id-ra-01/',
    },
    {
      id: 'PR.AA-01',
      group: 'PR.AA',
      title:
        'Identities and credentials for authorized users, services, and hardware are managed by the organization',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-aa/pr-aa-01/',
    },
    {
      id: 'PR.AA-02',
      group: 'PR.AA',
      title: 'Identities are proofed and bound to credentials based on the context of interactions',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-aa/pr-aa-02/',
      notAssertable: 'Identity proofing is a registration process run by people and the identity provider.',
    },
    {
      id: 'PR.AA-03',
      group: 'PR.AA',
      title: 'Users, services, and hardware are authenticated',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-aa/pr-aa-03/',
    },
    {
      id: 'PR.AA-04',
      group: 'PR.AA',
      title: 'Identity assertions are protected, conveyed, and verified',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-aa/pr-aa-04/',
    },
    {
      id: 'PR.AA-05',
      group: 'PR.AA',
      title:
        'Access permissions, entitlements, and authorizations are defined in a policy, managed, enforced, and reviewed, and incorporate the principles of least privilege and separation of duties',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-aa/pr-aa-05/',
    },
    {
      id: 'PR.AA-06',
      group: 'PR.AA',
      title: 'Physical access to assets is managed, monitored, and enforced commensurate with risk',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-aa/pr-aa-06/',
      notAssertable:
        "Physical access to data centres is the cloud provider's responsibility, not tenant configuration.",
    },
    {
      id: 'PR.DS-01',
      group: 'PR.DS',
      title: 'The confidentiality, integrity, and availability of data-at-rest are protected',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-ds/pr-ds-01/',
    },
    {
      id: 'PR.DS-02',
      group: 'PR.DS',
      title: 'The confidentiality, integrity, and availability of data-in-transit are protected',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-ds/pr-ds-02/',
    },
    {
      id: 'PR.DS-10',
      group: 'PR.DS',
      title: 'The confidentiality, integrity, and availability of data-in-use are protected',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-ds/pr-ds-10/',
      notAssertable:
        "Protecting data in use (memory encryption, enclaves, what the application keeps in memory) depends on the workload's code and hardware, which templates do not describe.",
    },
    {
      id: 'PR.DS-11',
      group: 'PR.DS',
      title: 'Backups of data are created, protected, maintained, and tested',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-ds/pr-ds-11/',
    },
    {
      id: 'PR.PS-01',
      group: 'PR.PS',
      title: 'Configuration management practices are established and applied',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-ps/pr-ps-01/',
    },
    {
      id: 'PR.PS-02',
      group: 'PR.PS',
      title: 'Software is maintained, replaced, and removed commensurate with risk',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-ps/pr-ps-02/',
    },
    {
      id: 'PR.PS-04',
      group: 'PR.PS',
      title: 'Log records are generated and made available for continuous monitoring',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-ps/pr-ps-04/',
    },
    {
      id: 'PR.PS-05',
      group: 'PR.PS',
      title: 'Installation and execution of unauthorized software are prevented',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-ps/pr-ps-05/',
    },
    {
      id: 'PR.PS-06',
      group: 'PR.PS',
      title:
        'Secure software development practices are integrated, and their performance is monitored throughout the software development life cycle',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-ps/pr-ps-06/',
    },
    {
      id: 'PR.IR-01',
      group: 'PR.IR',
      title: 'Networks and environments are protected from unauthorized logical access and usage',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-ir/pr-ir-01/',
    },
    {
      id: 'PR.IR-02',
      group: 'PR.IR',
      title: "The organization's technology assets are protected from environmental threats",
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-ir/pr-ir-02/',
      notAssertable:
        "Protecting facilities from environmental threats is the cloud provider's responsibility.",
    },
    {
      id: 'PR.IR-03',
      group: 'PR.IR',
      title: 'Mechanisms are implemented to achieve resilience requirements in normal and adverse situations',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-ir/pr-ir-03/',
    },
    {
      id: 'PR.IR-04',
      group: 'PR.IR',
      title: 'Adequate resource capacity to ensure availability is maintained',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/pr/pr-ir/pr-ir-04/',
      notAssertable:
        'Whether capacity is adequate depends on the load the service meets, which a template does not show; scaling limits are sizing decisions, not security settings.',
    },
    {
      id: 'DE.CM-01',
      group: 'DE.CM',
      title: 'Networks and network services are monitored to find potentially adverse events',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/de/de-cm/de-cm-01/',
    },
    {
      id: 'DE.CM-03',
      group: 'DE.CM',
      title: 'Personnel activity and technology usage are monitored to find potentially adverse events',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/de/de-cm/de-cm-03/',
    },
    {
      id: 'DE.CM-06',
      group: 'DE.CM',
      title:
        'External service provider activities and services are monitored to find potentially adverse events',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/de/de-cm/de-cm-06/',
      notAssertable:
        'Monitoring external providers is a third-party risk process (contracts, attestations, reviews); what providers do inside the account is recorded by the trail, which the logging rules assert.',
    },
    {
      id: 'DE.CM-09',
      group: 'DE.CM',
      title:
        'Computing hardware and software, runtime environments, and their data are monitored to find potentially adverse events',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/de/de-cm/de-cm-09/',
    },
    {
      id: 'DE.AE-02',
      group: 'DE.AE',
      title: 'Potentially adverse events are analyzed to better understand associated activities',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/de/de-ae/de-ae-02/',
    },
    {
      id: 'DE.AE-03',
      group: 'DE.AE',
      title: 'Information is correlated from multiple sources',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/de/de-ae/de-ae-03/',
    },
    {
      id: 'DE.AE-06',
      group: 'DE.AE',
      title: 'Information on adverse events is provided to authorized staff and tools',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/de/de-ae/de-ae-06/',
    },
    {
      id: 'RS.MA-01',
      group: 'RS.MA',
      title:
        'The incident response plan is executed in coordination with relevant third parties once an incident is declared',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/rs/rs-ma/rs-ma-01/',
      notAssertable: 'Executing the incident response plan is a human activity during an incident.',
    },
    {
      id: 'RS.MA-02',
      group: 'RS.MA',
      title: 'Incident reports are triaged and validated',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/rs/rs-ma/rs-ma-02/',
      notAssertable: 'Triaging and validating incident reports is an analyst activity.',
    },
    {
      id: 'RS.AN-03',
      group: 'RS.AN',
      title:
        'Analysis is performed to establish what has taken place during an incident and the root cause of the incident',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/rs/rs-an/rs-an-03/',
      notAssertable: 'Incident and root-cause analysis is an analyst activity.',
    },
    {
      id: 'RS.CO-02',
      group: 'RS.CO',
      title: 'Internal and external stakeholders are notified of incidents',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/rs/rs-co/rs-co-02/',
    },
    {
      id: 'RC.RP-01',
      group: 'RC.RP',
      title:
        'The recovery portion of the incident response plan is executed once initiated from the incident response process',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/rc/rc-rp/rc-rp-01/',
      notAssertable: 'Executing the recovery plan is an activity performed during an incident.',
    },
    {
      id: 'RC.RP-03',
      group: 'RC.RP',
      title:
        'The integrity of backups and other restoration assets is verified before using them for restoration',
      url: 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/rc/rc-rp/rc-rp-03/',
      notAssertable: 'Verifying backups before a restore is an activity performed during recovery.',
    },
  ],
});
