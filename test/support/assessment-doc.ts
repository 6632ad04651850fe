import {
  assessmentPart,
  OPERATIONAL_DOMAINS,
  primaryDomain,
  TECHNICAL_DOMAINS,
} from '../../lib/engine/assessment';
import type { Rule } from '../../lib/engine/rule';

/** docs/assessment.md: how the assessment is computed, and which rules feed each part. */
export function assessmentDoc(rules: readonly Rule[]): string {
  const table = (part: 'technical' | 'operational') => {
    const rows = rules
      .filter((r) => assessmentPart(r) === part)
      .map((r) => [primaryDomain(r), r.id, r.severity, r.title] as const)
      .sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1))
      .map(([d, id, sev, title]) => `| ${d} | ${id} | ${sev} | ${title} |`);
    return ['| Domain | Rule | Severity | Title |', '|---|---|---|---|', ...rows].join('\n');
  };
  const count = (part: 'technical' | 'operational') => rules.filter((r) => assessmentPart(r) === part).length;
  return `# KPIs and the weighted assessment

Every report (\`text\`, \`json\`, \`sarif\`, \`junit\`, \`markdown\`, \`pr-comment\`, and the HTML report built
on the same model) carries the same figures, computed once in \`lib/report/kpis.ts\`:

- **Open findings by severity**: unsuppressed failures and unknowns (\`kpis.bySeverity\`).
- **Secure score**: the existing severity-weighted score (\`score.overall\`): applicable, unsuppressed
  checks passed, each weighted by its rule's severity (low 1, medium 2, high 4, critical 8); unknown
  counts as not passed. \`kpis.secureScore\` is that same number.
- **Compliance** per framework and per top-level group (MCSB domain, NIST CSF function, CIS section,
  GDPR article, CCPA section, SOX section): of the controls that at least one applicable,
  unsuppressed check asserts, the share with no failure and no unknown (\`kpis.compliance\`).
- **Assessment** (\`assessment\`): \`overall = 0.4 technical + 0.3 operational + 0.3 compliance\`.
  - *technical*: the severity-weighted score of the rules below whose primary MCSB domain is one of
    ${TECHNICAL_DOMAINS.join(', ')} (the protections themselves);
  - *operational*: the same score over the rules whose primary MCSB domain is one of
    ${OPERATIONAL_DOMAINS.join(', ')} (seeing, responding and recovering);
  - *compliance*: the share of checked controls, across every framework, that are compliant.

  A rule's primary domain is that of its first \`mcsb-v1\` control, else the domain in its id. A part
  that nothing fed is null (\`n/a\`), and \`overall\` shares its weight out over the other parts.

In JUnit the figures are the \`<property>\` elements of the \`bulwark: kpis\` suite; in SARIF they are
\`runs[0].properties.kpis\` (by name), \`assessment\` and \`delta\`.

This page is generated from the rule catalog (\`test/support/assessment-doc.ts\`); a test fails when it
is out of date (\`BULWARK_UPDATE_DOCS=1 npx jest test/report/assessment-doc.test.ts\` rewrites it).

## Technical (${count('technical')} rules)

${table('technical')}

## Operational (${count('operational')} rules)

${table('operational')}
`;
}
