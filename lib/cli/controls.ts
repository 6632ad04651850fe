import { CLOUD_NAMES, type Cloud } from '../engine/clouds';
import { coverageOf, type FrameworkCoverage } from '../engine/coverage';
import { InputError } from '../errors';
import { sanitizeTerminal } from '../report/escape';
import { CATALOGS } from '../../policies/controls';
import { RULES } from '../../policies/rules';
import { EXIT, type CliIo } from './io';

/**
 * `bulwark controls`: each control with the rules that assert it on each cloud the framework speaks of
 * (AWS, Azure), or why IaC cannot; and per cloud, how many controls are asserted.
 */
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
  const width = Math.max(...c.cloudsCovered.map((k) => CLOUD_NAMES[k].length));
  const label = (k: Cloud) => CLOUD_NAMES[k].padEnd(width);
  let group = '';
  for (const ctl of c.controls) {
    if (ctl.group !== group) {
      group = ctl.group;
      lines.push('', `  ${group}`);
    }
    lines.push(`    ${ctl.id.padEnd(10)} ${sanitizeTerminal(ctl.title)}`);
    if (ctl.status === 'not-assertable') {
      lines.push(`               not assertable: ${ctl.reason}`);
      continue;
    }
    for (const k of c.cloudsCovered) {
      const on = ctl.clouds[k]!;
      const elsewhere = ctl.rules.filter((r) => !on.rules.includes(r));
      const none =
        elsewhere.length > 0
          ? `no rule yet (named by ${elsewhere.join(', ')}, which judge${elsewhere.length === 1 ? 's' : ''} other clouds only)`
          : 'no rule yet';
      lines.push(`               ${label(k)}  ${on.rules.length > 0 ? on.rules.join(', ') : none}`);
    }
  }
  const s = c.summary;
  lines.push('', `  ${s.controls} controls`);
  for (const k of c.cloudsCovered) {
    const o = s.clouds[k]!;
    lines.push(
      `  ${label(k)}  ${o.asserted} asserted by ${o.rules} rules, ${o.notAssertable} not assertable in IaC, ${o.notCovered} without a rule yet`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
