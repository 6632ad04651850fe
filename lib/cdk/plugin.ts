import * as fs from 'node:fs';
import * as path from 'node:path';
import type {
  IPolicyValidationContext,
  IPolicyValidationPlugin,
  PolicyValidationPluginReport,
  PolicyViolation,
} from 'aws-cdk-lib';
import { checkGraph } from '../check';
import { fixFor } from '../engine/fix';
import { gates } from '../engine/evaluate';
import type { Evaluation } from '../engine/evaluate';
import { ResourceGraph } from '../graph/graph';
import { isInputError } from '../errors';
import { buildReport } from '../report/model';
import { render, writeJsonFile } from '../report';
import { readStackTemplates } from '../sources';
import type { Resource } from '../graph/resource';
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
   * Print the text report (all findings, mandatory and advisory, with the score) on standard error.
   * @default true
   */
  readonly printReport?: boolean;
  /**
   * Write the report files of {@link reportFormats} into the cloud assembly directory, for CI and
   * for people.
   * @default true
   */
  readonly writeReports?: boolean;
  /**
   * Which report files to write when {@link writeReports} is on: `json` (`bulwark.report.json`),
   * `sarif` (`bulwark.sarif`) and `html` (`bulwark.report.html`). Only these are rendered.
   * @default ['json', 'sarif', 'html']
   */
  readonly reportFormats?: readonly ('json' | 'sarif' | 'html')[];
  /** Where the text report goes. @default process.stderr */
  readonly out?: (text: string) => void;
}

/**
 * CDK policy-validation plugin: evaluates the synthesized templates with Bulwark's rules. Mandatory
 * failures become violations, so `cdk synth` fails naming the construct paths and the fix; advisory
 * findings are printed without failing. Register it with
 * `Validations.of(app).addPlugins(new BulwarkValidationPlugin())`.
 */
export class BulwarkValidationPlugin implements IPolicyValidationPlugin {
  readonly name = 'Bulwark';
  readonly version = VERSION;
  readonly ruleIds = RULES.map((r) => r.id);
  /** The last evaluation, for tests and tooling. */
  lastEvaluation?: Evaluation;

  constructor(private readonly props: BulwarkPluginProps = {}) {}

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
    const report = buildReport(evaluation, {
      tool: { name: 'bulwark', version: VERSION },
      inputs: context.templatePaths,
      cwd: process.cwd(),
    });
    if (this.props.printReport !== false)
      out(render('text', report, { color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR }));
    if (this.props.writeReports !== false && assemblyDir) {
      const formats = new Set(this.props.reportFormats ?? ['json', 'sarif', 'html']);
      if (formats.has('json')) writeJsonFile(path.join(assemblyDir, 'bulwark.report.json'), report);
      if (formats.has('sarif'))
        fs.writeFileSync(path.join(assemblyDir, 'bulwark.sarif'), render('sarif', report));
      if (formats.has('html'))
        fs.writeFileSync(path.join(assemblyDir, 'bulwark.report.html'), render('html', report));
    }
    const violations: PolicyViolation[] = evaluation.results
      .filter((r) => gates(r, evaluation.pack))
      .map((r) => ({
        ruleName: r.rule.id,
        description: `${r.rule.title}: ${r.message}`,
        fix: fixFor(r.rule, 'cdk'),
        severity: r.rule.severity,
        ruleMetadata: { controls: r.rule.controls.join(', '), outcome: r.outcome },
        violatingResources: [violating(r.resource)],
      }));
    return { success: violations.length === 0, violations, pluginVersion: VERSION };
  }
}

function violating(r: Resource) {
  return { resourceLogicalId: r.logicalId, templatePath: r.location?.file, locations: ['Properties'] };
}

/** The stacks being validated, read from their cloud assembly (construct paths, acknowledgements). */
function readStacks(context: IPolicyValidationContext): { graph: ResourceGraph; assemblyDir?: string } {
  const read = readStackTemplates(context.stackTemplates.map((s) => s.templatePath));
  return { graph: new ResourceGraph(read.resources), assemblyDir: read.assemblyDir };
}
