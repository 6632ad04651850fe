import { XMLBuilder } from 'fast-xml-parser';
import { DRIFT_SUITE, driftLocation } from './drift';
import { escapeForXml } from './escape';
import type { Report, ReportFinding } from './model';
import { locationOf } from './model';
import { formatFigure, kpiFigures } from './kpis';

/** Name of the suite that lists resources whose views could not be derived. */
export const ERRORS_SUITE = 'bulwark: view errors';

/** Name of the first suite: no test cases, the report's KPIs as `<properties>`. */
export const KPI_SUITE = 'bulwark: kpis';

interface XmlCase {
  '@_classname': string;
  '@_name': string;
  failure?: { '@_message': string; '@_type': string; '#text': string };
  skipped?: { '@_message': string };
  error?: { '@_message': string; '@_type': string; '#text': string };
}

interface XmlSuite {
  '@_name': string;
  properties?: { property: { '@_name': string; '@_value': string }[] };
  '@_tests': number;
  '@_failures': number;
  '@_errors': number;
  '@_skipped': number;
  testcase: XmlCase[];
}

/**
 * JUnit XML for CI test reporters: one `<testsuite>` per rule, one `<testcase>` per listed result
 * (classname = resource address, name = rule id and finding). Failures are `<failure type=severity>`,
 * unknowns `<failure type="unknown">`, suppressed and not-applicable results `<skipped>`; passing
 * results appear when the report was built with `includePassed`. Resources whose views could not be
 * derived are `<error>` cases of a last suite. A first suite without cases (`bulwark: kpis`) carries
 * the KPIs as `<property name value>`. Text is XML-escaped by the builder, and characters XML
 * cannot carry are replaced by visible escapes first.
 */
export function renderJunit(report: Report): string {
  const suites: XmlSuite[] = [
    {
      ...suite(KPI_SUITE, []),
      properties: {
        property: kpiFigures(report).map(([name, value]) => ({
          '@_name': name,
          '@_value': formatFigure(name, value),
        })),
      },
    },
  ];
  const byRule = new Map<string, ReportFinding[]>();
  for (const f of report.findings) {
    let list = byRule.get(f.ruleId);
    if (!list) byRule.set(f.ruleId, (list = []));
    list.push(f);
  }
  for (const [ruleId, findings] of [...byRule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const cases = findings.map(testcase);
    suites.push(suite(`${ruleId} ${findings[0]!.title}`, cases));
  }
  if (report.drift) {
    suites.push(
      suite(
        DRIFT_SUITE,
        report.drift.entries.map((e) => {
          const base = {
            '@_classname': x(e.address),
            '@_name': x(e.fact !== undefined ? `${e.kind} ${e.fact}` : e.kind),
          };
          if (e.kind === 'not-checked') return { ...base, skipped: { '@_message': x(oneLine(e.message)) } };
          const body = [
            x(e.message),
            `at: ${x(driftLocation(e))}`,
            `rules: ${x(e.rules.join(', ') || 'none')}`,
            `controls: ${x(e.controls.join(', ') || 'none')}`,
            `gating: ${e.gating}`,
          ].join('\n');
          return {
            ...base,
            failure: {
              '@_message': x(oneLine(e.message)),
              '@_type': e.kind === 'unreadable' ? 'unknown' : e.severity,
              '#text': body,
            },
          };
        }),
      ),
    );
  }
  if (report.errors.length > 0) {
    suites.push(
      suite(
        ERRORS_SUITE,
        report.errors.map((e) => ({
          '@_classname': x(e.address),
          '@_name': x(`views of ${e.type}`),
          error: { '@_message': x(oneLine(e.error)), '@_type': 'view-error', '#text': x(e.error) },
        })),
      ),
    );
  }
  const total = (k: '@_tests' | '@_failures' | '@_errors' | '@_skipped') =>
    suites.reduce((n, s) => n + s[k], 0);
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': 'bulwark',
      '@_tests': total('@_tests'),
      '@_failures': total('@_failures'),
      '@_errors': total('@_errors'),
      '@_skipped': total('@_skipped'),
      testsuite: suites,
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    format: true,
    processEntities: true,
    suppressEmptyNode: true,
    suppressBooleanAttributes: false,
  });
  return builder.build(doc) as string;
}

function suite(name: string, cases: XmlCase[]): XmlSuite {
  return {
    '@_name': x(name),
    '@_tests': cases.length,
    '@_failures': cases.filter((c) => c.failure).length,
    '@_errors': cases.filter((c) => c.error).length,
    '@_skipped': cases.filter((c) => c.skipped).length,
    testcase: cases,
  };
}

function testcase(f: ReportFinding): XmlCase {
  const base = {
    '@_classname': x(f.resource.address),
    '@_name': x(f.finding !== undefined ? `${f.ruleId}[${f.finding}]` : f.ruleId),
  };
  if (f.suppressed) {
    const s = f.suppression;
    const owner = s?.owner ? `, owner ${s.owner}` : '';
    const until = s?.expires ? `, until ${s.expires}` : '';
    return {
      ...base,
      skipped: { '@_message': x(oneLine(`suppressed: ${s?.reason ?? ''}${owner}${until}`)) },
    };
  }
  if (f.status === 'not_applicable') return { ...base, skipped: { '@_message': x(oneLine(f.message)) } };
  if (f.status === 'pass') return base;
  const body = [
    x(f.message),
    `fix: ${x(f.fix)}`,
    `at: ${x(locationOf(f))}`,
    `controls: ${x(f.controls.join(', '))}`,
    `enforcement: ${f.enforcement}`,
  ].join('\n');
  return {
    ...base,
    failure: {
      '@_message': x(oneLine(f.message)),
      '@_type': f.status === 'unknown' ? 'unknown' : f.severity,
      '#text': body,
    },
  };
}

/** Attributes are one line: XML parsers turn newlines in attributes into spaces anyway. */
function oneLine(s: string): string {
  return s.replace(/\r\n|\r|\n/g, ' ');
}

function x(s: string): string {
  return escapeForXml(s);
}
