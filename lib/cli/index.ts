import { Command, CommanderError, Option } from 'commander';
import { isInputError, type InputError } from '../errors';
import { sanitizeTerminal } from '../report/escape';
import { SEVERITIES, type Severity } from '../engine/rule';
import { FORMATS, type Format } from '../report/render';
import { VERSION } from '../version';
import { CATALOGS } from '../../policies/controls';
import { PACKS, DEFAULT_PACK } from '../../policies/packs';
import { runCheckCommand } from './check';
import { runControlsCommand } from './controls';
import type { DriftCommandOptions } from './drift';
import { runExplainCommand } from './explain';
import { runGraphCommand, type GraphCommandOptions } from './graph';
import { GRAPH_FORMATS } from '../dataflow';
import { EXIT, type CliIo } from './io';

export { processIo, type CliIo } from './io';

/** The packs, one line each, for the help of the commands taking `--pack`. */
function packHelp(): string {
  const width = Math.max(...PACKS.map((p) => p.id.length));
  const lines = PACKS.map(
    (p) => `  ${p.id.padEnd(width)}  ${p.description}${p.id === DEFAULT_PACK ? ' (default)' : ''}`,
  );
  return `Packs (--pack):\n${lines.join('\n')}`;
}

/**
 * The one line printed for an input error: its message (which may quote template content: file
 * names, logical ids, keys) with control characters made visible, so it can neither drive the
 * terminal nor span lines, and its stable code.
 */
export function errorLine(e: InputError): string {
  return `${sanitizeTerminal(e.message)} [${e.code}]`;
}

/**
 * Run the `bulwark` CLI on `argv` (without the node and script entries) and return the exit code:
 * 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let code: number = EXIT.clean;
  const program = new Command('bulwark')
    .description(
      'Security baseline for infrastructure as code: checks CloudFormation and AWS CDK, Terraform and Pulumi azure-native against MCSB, NIST CSF 2.0, CIS AWS and CIS Azure controls.',
    )
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run `bulwark --help` for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('check')
    .description(
      'Check infrastructure artifacts: a CDK cloud assembly (cdk.out) or CloudFormation templates (JSON or YAML), Terraform plans (`terraform show -json`), `cdk.tf.json` files or a `cdktf.out` directory, Pulumi programs (a directory with Pulumi.yaml, run under mocks), `pulumi stack export` or `pulumi preview --json` files, or a directory mixing them.',
    )
    .argument(
      '<path...>',
      'cdk.out, cdktf.out, a CloudFormation template, a Terraform plan JSON, a cdk.tf.json, a Pulumi program directory, a Pulumi stack export or preview JSON, or a directory of them',
    )
    .addOption(new Option('-f, --format <format>', 'report format').choices(FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a mandatory finding has at least this severity')
        .choices(SEVERITIES)
        .default('high'),
    )
    .addOption(
      new Option('--pack <pack>', 'rule pack: which rules run and which are mandatory')
        .choices(PACKS.map((p) => p.id))
        .default(DEFAULT_PACK),
    )
    .option('--suppressions <file>', 'suppressions file (default: ./bulwark.suppressions.yaml when present)')
    .option('--include-passed', 'list passed and not-applicable checks too (json, sarif, junit, markdown)')
    .option(
      '--baseline <file>',
      'JSON report of the base branch (--format json): classify findings as new, fixed or unchanged',
    )
    .option('--fail-on-new', 'exit 1 only for new findings at or above --fail-on (needs --baseline)')
    .option(
      '--stack <name>',
      'Pulumi programs: the stack whose configuration (Pulumi.<name>.yaml) the program runs with (needed when there are several)',
    )
    .addHelpText(
      'after',
      `
${packHelp()}

Exit codes: 0 clean, 1 mandatory findings at or above --fail-on (with --fail-on-new, only those the
baseline does not have), or input not read or judged completely (a nested stack whose template is
not in the input, a resource whose views could not be derived; the report lists them), 2 usage or
input error (a baseline that is not a Bulwark JSON report of schema version 1 or 2 included).

Examples:
  npx cdk synth && bulwark check cdk.out
  bulwark check cdk.out --format sarif --output bulwark.sarif
  bulwark check cdk.out --format html --output bulwark.html
  bulwark check template.yaml --pack cis-aws --fail-on medium
  bulwark check cdk.out --baseline base.json --fail-on-new --format pr-comment`,
    )
    .action(
      (
        paths: string[],
        o: {
          format: Format;
          output?: string;
          failOn: Severity;
          pack: string;
          suppressions?: string;
          includePassed?: boolean;
          baseline?: string;
          failOnNew?: boolean;
          stack?: string;
        },
      ) => {
        code = runCheckCommand(paths, o, io);
      },
    );

  program
    .command('drift')
    .description(
      'Compare deployed AWS stacks with the desired state (cdk.out or a template): security facts that drifted, and rule failures on what is live. Read-only.',
    )
    .option('--app <path>', 'desired state: cloud assembly directory or template file', 'cdk.out')
    .option(
      '--stack <name>',
      'deployed stack to compare (repeatable; default: every stack of the app)',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option('--region <region>', 'AWS region (default: AWS_REGION or the profile)')
    .option('--profile <profile>', 'named profile of the shared AWS config and credentials files')
    .addOption(new Option('-f, --format <format>', 'report format').choices(FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(
      new Option(
        '--fail-on <severity>',
        'exit 1 when drift or a mandatory live finding has at least this severity',
      )
        .choices(SEVERITIES)
        .default('high'),
    )
    .option('--concurrency <n>', 'resources read at once', '8')
    .addOption(
      new Option('--pack <pack>', 'rule pack: which rules run and which are mandatory')
        .choices(PACKS.map((p) => p.id))
        .default(DEFAULT_PACK),
    )
    .option('--suppressions <file>', 'suppressions file (default: ./bulwark.suppressions.yaml when present)')
    .option('--include-passed', 'list passed and not-applicable live checks too')
    .option('--print-iam-policy', 'print the least-privilege IAM policy a run needs (JSON) and exit')
    .addHelpText(
      'after',
      `
What it does:
  For each resource of the stacks it finds the physical id (CloudFormation ListStackResources),
  reads the live configuration (S3, KMS, EC2, CloudTrail, CloudWatch Logs, DynamoDB, RDS, ELBv2,
  Backup, GuardDuty, Security Hub, Config), derives the same security views as "bulwark check"
  and reports (a) each security fact that differs, with the rules and controls it touches, and
  (b) rule results on the live state. A deleted resource is drift; a resource that cannot be read
  (access denied, throttled) is reported as unreadable; types it does not read are listed as not
  checked. It only sends Describe/Get/List requests (see --print-iam-policy).

${packHelp()}

Exit codes: 0 clean, 1 drift or mandatory live findings at or above --fail-on, 2 usage or input
error (no such stack, bad --app, no credentials or region). Drift counts at the severity of the
highest rule it touches; a deleted or missing resource at least high; a change no rule reads low;
an unreadable resource like an unknown finding.

Environment: the AWS SDK's usual variables (AWS_PROFILE, AWS_REGION, AWS_ACCESS_KEY_ID...), and
AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_<SERVICE>) to point it at another endpoint, such as a local
emulator. Throttled requests are retried with exponential back-off (adaptive retry mode); Ctrl-C
stops scheduling reads and reports what was read, marked incomplete.

Examples:
  bulwark drift --app cdk.out --stack Shop --region eu-west-1
  bulwark drift --profile audit --format sarif --output drift.sarif --fail-on medium
  bulwark drift --app template.yaml --stack Shop-prod --format json --output drift.json
  bulwark drift --print-iam-policy > bulwark-drift-policy.json`,
    )
    .action(async (o: DriftCommandOptions) => {
      // Loaded when used: drift brings the AWS SDK, which `check` never needs.
      const { runDriftCommand } = await import('./drift');
      code = await runDriftCommand(o, io);
    });

  program
    .command('controls')
    .description(
      'List benchmark controls with the rules that assert them, and why IaC cannot assert the others.',
    )
    .addOption(
      new Option('--framework <framework>', 'one framework').choices(CATALOGS.map((c) => c.framework)),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((o: { framework?: string; format: 'text' | 'json' }) => {
      code = runControlsCommand(o, io);
    });

  program
    .command('explain')
    .description('Explain a rule: the controls it asserts, why, and how to fix a failure.')
    .argument('<ruleId>', 'rule id, e.g. BW-DP-002')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((ruleId: string, o: { format: 'text' | 'json' }) => {
      code = runExplainCommand(ruleId, o, io);
    });

  program
    .command('graph')
    .description(
      "Draw the estate's data flows as Mermaid or DOT: networks and their tiers, firewall flows with ports, data stores with their classification, public endpoints and the internet; every flow that crosses a trust boundary is marked.",
    )
    .argument(
      '<path...>',
      'cdk.out, cdktf.out, a CloudFormation template, a Terraform plan JSON, a cdk.tf.json, a Pulumi program directory, a Pulumi stack export or preview JSON, or a directory of them',
    )
    .addOption(new Option('-f, --format <format>', 'graph format').choices(GRAPH_FORMATS).default('mermaid'))
    .option('-o, --output <file>', 'write the graph to a file instead of standard output')
    .addHelpText(
      'after',
      `
Crossings (drawn red, labelled "crosses: ..."):
  internet->vpc, internet->service   traffic from the internet into a network or a public service
  tier A->B                          between the public, private and isolated tiers of a network
  classification A->B                from less sensitive data (or none) to more sensitive data
A source or placement that could not be resolved is drawn as "unresolved" and its flows marked.

Exit codes: 0 drawn, 1 part of the input not read or not drawn (named on standard error), 2 usage
or input error.

Examples:
  bulwark graph cdk.out > flows.mmd
  bulwark graph cdk.out --format dot --output flows.dot && dot -Tsvg flows.dot > flows.svg`,
    )
    .action((paths: string[], o: GraphCommandOptions) => {
      code = runGraphCommand(paths, o, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors have already been printed.
      return e.exitCode === 0 ? EXIT.clean : EXIT.error;
    }
    if (isInputError(e)) {
      io.stderr(`bulwark: ${errorLine(e)}\n`);
      return EXIT.error;
    }
    io.stderr(
      `bulwark: internal error: ${sanitizeTerminal(e instanceof Error ? e.message : String(e))}\nPlease report this with the command you ran.\n`,
    );
    return EXIT.error;
  }
}
