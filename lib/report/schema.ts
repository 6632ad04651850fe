/**
 * JSON schema (draft 2020-12 subset, as ajv 8 reads it) of the parts of a Bulwark JSON report
 * (`bulwark check --format json`, {@link Report}) that another run reads back: the baseline of
 * delta mode. Fields are only added while `schemaVersion` stays 2, so unknown fields are allowed. A
 * version 1 report (whose findings also repeat their rule's title, fix, controls and threats) passes
 * too: delta mode reads only what both versions write.
 */
const severity = { enum: ['critical', 'high', 'medium', 'low'] } as const;
const str = { type: 'string' } as const;
const nullablePercent = { anyOf: [{ type: 'number', minimum: 0, maximum: 100 }, { type: 'null' }] } as const;

export const REPORT_SCHEMA = {
  $id: 'https://bulwark.dev/schemas/report-v2.json',
  type: 'object',
  required: [
    'schemaVersion',
    'tool',
    'inputs',
    'summary',
    'score',
    'findings',
    'rules',
    'suppressions',
    'errors',
  ],
  properties: {
    schemaVersion: { enum: [1, 2] },
    tool: { type: 'object', required: ['name', 'version'], properties: { name: str, version: str } },
    inputs: { type: 'array', items: str },
    summary: {
      type: 'object',
      required: ['resources', 'checks', 'passed', 'failed', 'unknown', 'bySeverity', 'gating'],
    },
    score: {
      type: 'object',
      required: ['overall', 'frameworks'],
      properties: {
        overall: { type: 'object', required: ['score'], properties: { score: nullablePercent } },
        frameworks: { type: 'array' },
      },
    },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['ruleId', 'severity', 'status', 'gating', 'suppressed', 'message', 'view', 'resource'],
        properties: {
          ruleId: str,
          title: str,
          severity,
          status: { enum: ['fail', 'unknown', 'pass', 'not_applicable'] },
          enforcement: { enum: ['mandatory', 'advisory', 'disabled'] },
          gating: { type: 'boolean' },
          suppressed: { type: 'boolean' },
          message: str,
          fix: str,
          controls: { type: 'array', items: str },
          finding: str,
          view: str,
          resource: {
            type: 'object',
            required: ['address', 'type', 'name'],
            properties: { address: str, type: str, name: str, path: str, logicalId: str },
          },
        },
      },
    },
    rules: { type: 'array' },
    suppressions: { type: 'array' },
    errors: { type: 'array' },
  },
} as const;
