import { FRONT_END_NAMES, FRONT_ENDS, fixFor } from '../engine/fix';
import { InputError } from '../errors';
import { resolveControl } from '../../policies/controls';
import { PACKS } from '../../policies/packs';
import { RULES } from '../../policies/rules';
import { ruleSourceFile } from '../../policies/rules/source';
import { EXIT, type CliIo } from './io';

/** `bulwark explain <ruleId>`: what a rule asserts, why, and how to fix a failure. */
export function runExplainCommand(ruleId: string, o: { format: 'text' | 'json' }, io: CliIo): number {
  const rule = RULES.find((r) => r.id.toLowerCase() === ruleId.trim().toLowerCase());
  if (!rule) {
    const near = RULES.filter((r) => r.id.startsWith(ruleId.trim().toUpperCase().slice(0, 5))).map(
      (r) => r.id,
    );
    throw new InputError(
      'BULWARK_USAGE',
      ruleId,
      `no such rule${near.length ? `; rules nearby: ${near.slice(0, 8).join(', ')}` : ''} (\`bulwark controls\` lists them by control)`,
    );
  }
  const controls = rule.controls.map((ref) => {
    const hit = resolveControl(ref);
    return { ref, title: hit?.control.title ?? '(unknown control)', url: hit?.control.url };
  });
  const packs = PACKS.map((p) => ({ pack: p.id, enforcement: p.enforcementOf(rule) }));
  const source = ruleSourceFile(rule.id);
  // Every front end's fix: its own text, or the line saying none is written for it.
  const fix = Object.fromEntries(FRONT_ENDS.map((fe) => [fe, fixFor(rule, fe)]));
  if (o.format === 'json') {
    io.stdout(
      `${JSON.stringify({ id: rule.id, title: rule.title, severity: rule.severity, appliesTo: rule.appliesTo, threats: rule.threats ?? [], controls, rationale: rule.rationale, fix, packs, ...(source ? { source } : {}) }, null, 2)}\n`,
    );
    return EXIT.clean;
  }
  const lines = [
    `${rule.id}  ${rule.title}`,
    `severity: ${rule.severity}    applies to: ${rule.appliesTo.join(', ')}`,
    rule.threats?.length ? `threats: ${rule.threats.join(', ')}` : undefined,
    source ? `source: ${source}` : undefined,
    '',
    'Controls',
    ...controls.map((c) => `  ${c.ref}  ${c.title}${c.url ? `\n      ${c.url}` : ''}`),
    '',
    'Why',
    `  ${rule.rationale}`,
    '',
    'Fix',
    ...FRONT_ENDS.map((fe) => `  ${FRONT_END_NAMES[fe]}: ${fixFor(rule, fe)}`),
    '',
    'Enforcement',
    ...packs.map((p) => `  ${p.pack.padEnd(16)} ${p.enforcement}`),
    '',
  ].filter((l): l is string => l !== undefined);
  io.stdout(lines.join('\n'));
  return EXIT.clean;
}
