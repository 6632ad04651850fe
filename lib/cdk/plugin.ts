import * as fs from 'node:fs';
import * as path from 'node:path';
import type {
  IPolicyValidationContext,
  IPolicyValidationPlugin,
  PolicyValidationPluginReport,
  PolicyViolation,
} from 'aws-cdk-lib';
import { checkGraph } from '../check';
import { controlsOn } from '../engine/clouds';
import { fixFor } from '../engine/fix';
import { gates } from '../engine/evaluate';
import type { Evaluation } from '../engine/evaluate';
import { ResourceGraph } from '../graph/graph';
import { InputError, isInputError } from '../errors';
import { buildReport } from '../report/model';
import { renderHtml } from '../report/html';
import { writeJsonFile } from '../report/json';
import { writeSarifFile } from '../report/sarif';
import { escapeControl } from '../report/escape';
import { renderText } from '../report/text';
import { relativePath } from '../paths';
import { readStackTemplates } from '../sources';
import type { Resource } from '../graph/resource';
import type { Rule } from '../engine/rule';
import { VERSION } from '../version';
import { RULES } from '../../policies/rules';

export interface BulwarkPluginProps {
  /**
   * Rule pack: which rules run and which are mandatory.
   * @default 'all'
   */
  readonly pack?: string;
  /**
   * Suppressions file.
   * @default './bulwark.suppressions.yaml' when it exists
   */
  readonly suppressionsFile?: string;
  /**
   * Print the text report on standard error: the findings of {@link printFindings}, the others
   * counted, the score and the paths of the report files written.
   * @default true
   */
  readonly printReport?: boolean;
  /**
   * Which findings the printed report lists one by one: `gating` (those that fail synthesis; advisory
   * findings, unknowns the pack lets through and suppressed findings are counted one line per rule,
   * and listed in the report files), or `all`.
   * @default 'gating'
   */
  readonly printFindings?: 'gating' | 'all';
  /**
   * Write the report files of {@link reportFormats} into the cloud assembly directory, for CI and
   * for people.
   * @default true
   */
  readonly writeReports?: boolean;
  /**
   * Which report files to write when {@link writeReports} is on: `json` (`bulwark.report.json`),
   * `sarif` (`bulwark.sarif`, for code scanning) and `html` (`bulwark.report.html`, a page for people).
   * Only these are rendered: SARIF and HTML cost synthesis time in proportion to the findings, so
   * they are written when asked for (`bulwark check` renders every format from the cloud assembly).
   * @default ['json']
   */
  readonly reportFormats?: readonly ReportFormat[];
  /**
   * How many resources each violation handed to CDK names, when Bulwark prints its report or writes a
   * report file: those list every gating finding in full, and CDK prints a block, with construct
   * traces, per resource named. A violation naming fewer than all of them says how many, and where
   * they all are. `Infinity` names them all, as does a plugin that neither prints nor writes a report.
   * @default 20
   */
  readonly violationResources?: number;
  /** Where the text report goes. @default process.stderr */
  readonly out?: (text: string) => void;
}

/**
 * CDK policy-validation plugin: evaluates the synthesized templates with Bulwark's rules. Mandatory
 * failures become violations, one per rule naming the construct paths it fails on (the first
 * {@link BulwarkPluginProps.violationResources} of them) and the fix, so `cdk synth` fails; advisory
 * findings are counted without failing, and listed in the report files. The report is built only
 * when it is printed or written, and only the formats asked for are rendered. Register it with
 * `Validations.of(app).addPlugins(new BulwarkValidationPlugin())`.
 */
export class BulwarkValidationPlugin implements IPolicyValidationPlugin {
  readonly name = 'Bulwark';
  readonly version = VERSION;
  readonly ruleIds = RULES.map((r) => r.id);
  /** The last evaluation, for tests and tooling. */
  lastEvaluation?: Evaluation;

  constructor(private readonly props: BulwarkPluginProps = {}) {
    const n = props.violationResources;
    if (n !== undefined && !(Number.isInteger(n) && n > 0) && n !== Infinity) {
      throw new InputError(
        'BULWARK_USAGE',
        'BulwarkValidationPlugin',
        `\`violationResources\` takes a positive whole number (or Infinity), not ${String(n)}`,
      );
    }
  }

  validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const out = this.props.out ?? ((t: string) => process.stderr.write(t));
    let evaluation: Evaluation;
    let assemblyDir: string | undefined;
    try {
      const read = readStacks(context);
      assemblyDir = read.assemblyDir;
      evaluation = checkGraph(read.graph, {
        pack: this.props.pack,
        suppressionsFile: this.props.suppressionsFile,
        findingsOnly: true,
      }).evaluation;
    } catch (e) {
      if (!isInputError(e)) throw e;
      return {
        success: false,
        violations: [
          { ruleName: 'BULWARK-INPUT', description: e.message, violatingResources: [], severity: 'error' },
        ],
        pluginVersion: VERSION,
      };
    }
    this.lastEvaluation = evaluation;
    const print = this.props.printReport !== false;
    const formats = new Set(
      this.props.writeReports !== false && assemblyDir ? (this.props.reportFormats ?? DEFAULT_FORMATS) : [],
    );
    const files = REPORT_FILES.filter((f) => formats.has(f.format)).map((f) => {
      const file = path.join(assemblyDir!, f.name);
      return { ...f, path: file, shown: escapeControl(relativePath(file, process.cwd())) };
    });
    if (print || files.length > 0) {
      const report = buildReport(evaluation, {
        tool: { name: 'bulwark', version: VERSION },
        inputs: context.templatePaths,
        cwd: process.cwd(),
      });
      if (print) {
        const text = renderText(report, {
          color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
          findings: this.props.printFindings ?? 'gating',
        });
        out(files.length ? `${text}Reports: ${files.map((f) => f.shown).join(', ')}\n` : text);
      }
      for (const f of files) {
        if (f.format === 'json') writeJsonFile(f.path, report);
        else if (f.format === 'sarif') writeSarifFile(f.path, report);
        else fs.writeFileSync(f.path, renderHtml(report));
      }
    }
    // Where every gating finding is listed in full, besides the violations handed to CDK.
    const listedIn = [...files.map((f) => f.shown), ...(print ? ['the printed report'] : [])];
    const limit = listedIn.length ? (this.props.violationResources ?? DEFAULT_VIOLATION_RESOURCES) : Infinity;
    const violations = violationsOf(evaluation, limit, listedIn);
    return { success: violations.length === 0, violations, pluginVersion: VERSION };
  }
}

/** A report file the plugin can write. */
export type ReportFormat = 'json' | 'sarif' | 'html';

/** How many resources a violation names by default, when the report is printed or written. */
const DEFAULT_VIOLATION_RESOURCES = 20;

/** The report files written by default. */
const DEFAULT_FORMATS: readonly ReportFormat[] = ['json'];

/** Each report file, by format, in the order they are written. */
const REPORT_FILES: readonly { format: ReportFormat; name: string }[] = [
  { format: 'json', name: 'bulwark.report.json' },
  { format: 'sarif', name: 'bulwark.sarif' },
  { format: 'html', name: 'bulwark.report.html' },
];

/**
 * The gating results as CDK violations: one per rule and outcome (a failure, or a value that could
 * not be verified), naming the first `limit` resources it holds on, each once; a violation naming
 * fewer than all says how many it names and where they all are (`listedIn`). The message of each
 * result, with the value at fault, is in the reports. CDK does work for every resource named (its
 * construct, creation trace and a printed block each), so a long list costs synthesis time and
 * repeats what Bulwark's own report lists.
 */
function violationsOf(evaluation: Evaluation, limit: number, listedIn: readonly string[]): PolicyViolation[] {
  const groups = new Map<string, { rule: Rule; outcome: string; resources: Map<string, Resource> }>();
  for (const r of evaluation.results) {
    if (!gates(r, evaluation.pack)) continue;
    const key = `${r.rule.id}\u0000${r.outcome}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { rule: r.rule, outcome: r.outcome, resources: new Map() }));
    g.resources.set(r.resource.address, r.resource);
  }
  return [...groups.values()].map(({ rule, outcome, resources }) => {
    const notes = outcome === 'unknown' ? ['not verified: a value the template does not resolve'] : [];
    const named = [...resources.values()].slice(0, limit);
    if (named.length < resources.size) {
      notes.push(
        `${named.length} of ${resources.size} resources named here, all in ${listedIn.join(' and ')}`,
      );
    }
    return {
      ruleName: rule.id,
      description: notes.length ? `${rule.title} (${notes.join('; ')})` : rule.title,
      fix: fixFor(rule, 'cdk'),
      severity: rule.severity,
      // CDK's templates are CloudFormation: AWS resources, so the controls of AWS's frameworks.
      ruleMetadata: {
        controls: controlsOn(rule.controls, 'aws').join(', '),
        outcome,
        resources: String(resources.size),
      },
      violatingResources: named.map(violating),
    };
  });
}

function violating(r: Resource) {
  return { resourceLogicalId: r.logicalId, templatePath: r.location?.file, locations: ['Properties'] };
}

/** The stacks being validated, read from their cloud assembly (construct paths, acknowledgements). */
function readStacks(context: IPolicyValidationContext): { graph: ResourceGraph; assemblyDir?: string } {
  const read = readStackTemplates(context.stackTemplates.map((s) => s.templatePath));
  return { graph: new ResourceGraph(read.resources), assemblyDir: read.assemblyDir };
}
