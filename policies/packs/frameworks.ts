import { definePack, namesFramework } from '../../lib/engine/pack';

const bySeverity = { critical: 'mandatory', high: 'mandatory', medium: 'advisory', low: 'advisory' } as const;

export const mcsb = definePack({
  id: 'mcsb',
  title: 'Microsoft Cloud Security Benchmark v1',
  description: 'Rules that assert an MCSB v1 control.',
  select: (r) => namesFramework(r, 'mcsb-v1'),
  bySeverity,
});

export const nistCsf = definePack({
  id: 'nist-csf',
  title: 'NIST Cybersecurity Framework 2.0',
  description: 'Rules that assert a NIST CSF 2.0 subcategory.',
  select: (r) => namesFramework(r, 'nist-csf-2.0'),
  bySeverity,
});

export const cisAws = definePack({
  id: 'cis-aws',
  title: 'CIS AWS Foundations Benchmark v5.0.0',
  description: 'Rules that assert a CIS AWS Foundations v5.0.0 recommendation; every one is mandatory.',
  select: (r) => namesFramework(r, 'cis-aws-5.0'),
  bySeverity: { critical: 'mandatory', high: 'mandatory', medium: 'mandatory', low: 'mandatory' },
});

export const cisAzure = definePack({
  id: 'cis-azure',
  title: 'CIS Microsoft Azure Foundations Benchmark v6.0.0',
  description: 'Rules that assert a CIS Azure Foundations v6.0.0 recommendation; every one is mandatory.',
  select: (r) => namesFramework(r, 'cis-azure-6.0'),
  bySeverity: { critical: 'mandatory', high: 'mandatory', medium: 'mandatory', low: 'mandatory' },
});

export const classification = definePack({
  id: 'classification',
  title: 'Data classification policy',
  description:
    'Rules that assert the requirement table of the five classification levels; every one is mandatory.',
  select: (r) => namesFramework(r, 'classification'),
  bySeverity: { critical: 'mandatory', high: 'mandatory', medium: 'mandatory', low: 'mandatory' },
});
