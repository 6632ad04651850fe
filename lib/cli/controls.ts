import { coverageOf, type FrameworkCoverage } from '../engine/coverage';
import { InputError } from '../errors';
import { sanitizeTerminal } from '../report/escape';
import { CATALOGS } from '../../policies/controls';
import { RULES } from '../../policies/rules';
import { EXIT, type CliIo } from './io';

/** `bulwark controls`: each control with the rules that assert it, or why IaC cannot. */
export function runControlsCommand(o: { framework?: string; format: 'text' | 'json' }, io: CliIo): number {
  const catalogs = o.framework ? CATALOGS.filter((c) => c.framework === o.framework) : CATALOGS;
  if (catalogs.length === 0) {
    throw new InputError(
      'BULWARK_USAGE',
      `--framework ${o.framework}`,
      `unknown framework; choose one of ${CATALOGS.map((c) => c.framework).join(', ')}`,
    );
  }
  const coverage = catalogs.map((c) => coverageOf(c, RULES));
  if (o.format === 'json') {
    io.stdout(`${JSON.stringify(o.framework ? coverage[0] : coverage, null, 2)}\n`);
  } else {
    io.stdout(coverage.map(textOf).join('\n'));
  }
  return EXIT.clean;
}

function textOf(c: FrameworkCoverage): string {
  const lines = [`${c.name} ${c.version} (${c.framework})`];
  let group = '';
  for (const ctl of c.controls) {
    if (ctl.group !== group) {
      group = ctl.group;
      lines.push('', `  ${group}`);
    }
    const status =
      ctl.status === 'asserted'
        ? ctl.rules.join(', ')
        : ctl.status === 'not-assertable'
          ? `not assertable: ${ctl.reason}`
          : 'no rule yet';
    lines.push(`    ${ctl.id.padEnd(10)} ${sanitizeTerminal(ctl.title)}`, `               ${status}`);
  }
  const s = c.summary;
  lines.push(
    '',
    `  ${s.controls} controls: ${s.asserted} asserted by ${s.rules} rules, ${s.notAssertable} not assertable in IaC, ${s.notCovered} without a rule yet`,
    '',
  );
  return lines.join('\n');
}
