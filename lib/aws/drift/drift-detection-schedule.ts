import { Aws, Duration } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { Classification } from '../../classification';
import { driftIamPolicy } from '../../drift/permissions';
import type { Severity } from '../../engine/rule';
import { ClassifiedLogGroup } from '../stores/log-group';
import { PropsValidator } from '../common/validation';

/** Props of {@link DriftDetectionSchedule}. */
export interface DriftDetectionScheduleProps {
  /**
   * The repository of the CDK app (with `bulwark` among its dependencies): the build synthesizes it
   * to get the desired state.
   */
  readonly source: codebuild.ISource;
  /**
   * Topic that receives a summary when a run finds drift or live findings at or above `failOn`
   * (route it by severity with the incident constructs).
   * @see mcsb-v1:IR-2
   */
  readonly incidentTopic: sns.ITopic;
  /**
   * When to run.
   * @default - every day
   * @see mcsb-v1:PV-1
   */
  readonly schedule?: scheduler.ScheduleExpression;
  /**
   * Commands that install the app's dependencies.
   * @default ['npm ci']
   */
  readonly installCommands?: readonly string[];
  /**
   * Commands that synthesize the desired state into `app`.
   * @default ['npx cdk synth --quiet']
   */
  readonly synthCommands?: readonly string[];
  /**
   * The desired state `bulwark drift` reads.
   * @default 'cdk.out'
   */
  readonly app?: string;
  /**
   * Deployed stacks to compare.
   * @default - every stack of the app
   */
  readonly stacks?: readonly string[];
  /**
   * Lowest severity that notifies the incident topic (`bulwark drift --fail-on`).
   * @default 'high'
   */
  readonly failOn?: Severity;
  /**
   * Import drift and live findings into Security Hub (ASFF, `BatchImportFindings`), which must be
   * enabled in the account and region.
   * @default true
   * @see mcsb-v1:LT-1
   */
  readonly publishToSecurityHub?: boolean;
  /**
   * Package that provides `bulwark` (its CLI and its `writeDriftOutputs`).
   * @default 'bulwark'
   */
  readonly bulwarkPackage?: string;
  /**
   * Classification of the build logs, which name resources and their security settings.
   * @default Classification.CONFIDENTIAL
   * @see classification:AT-REST
   */
  readonly logClassification?: Classification;
  /**
   * Longest a run may take.
   * @default Duration.hours(1)
   */
  readonly timeout?: Duration;
}

const SEVERITY_NAMES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

/**
 * Runs `bulwark drift` on a schedule: EventBridge Scheduler starts a CodeBuild project that
 * synthesizes the app, compares the deployed stacks with it, imports the findings into Security Hub
 * (ASFF) and sends a summary to the incident topic when something is at or above `failOn`.
 *
 * The project's role reads with exactly the drift policy (`bulwark drift --print-iam-policy`, from
 * the same permissions table); its only writes are `securityhub:BatchImportFindings` on the
 * account's own product, `sns:Publish` on the incident topic and its own build logs.
 */
export class DriftDetectionSchedule extends Construct {
  /** The build project that runs the check. */
  readonly project: codebuild.Project;
  /** The project's role. */
  readonly role: iam.Role;
  /** The schedule that starts it. */
  readonly schedule: scheduler.Schedule;
  /** The build logs. */
  readonly logGroup: ClassifiedLogGroup;
  /** The key of the build logs and artifacts. */
  readonly encryptionKey?: kms.IKey;

  constructor(scope: Construct, id: string, props: DriftDetectionScheduleProps) {
    super(scope, id);
    const failOn = props.failOn ?? 'high';
    const v = new PropsValidator(this);
    v.check(
      SEVERITY_NAMES.includes(failOn),
      'BULWARK_FAIL_ON',
      `\`failOn\` must be one of ${SEVERITY_NAMES.join(', ')}`,
    );
    for (const s of props.stacks ?? []) {
      v.check(
        /^[A-Za-z][A-Za-z0-9-]*$/.test(s),
        'BULWARK_STACK_NAME',
        `\`stacks\`: \`${s}\` is not a stack name`,
      );
    }
    v.throwIfAny();

    this.logGroup = new ClassifiedLogGroup(this, 'Logs', {
      classification: props.logClassification ?? Classification.CONFIDENTIAL,
    });
    this.encryptionKey = this.logGroup.encryptionKey;

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com'),
      description: 'bulwark drift: reads deployed configuration; publishes findings',
      inlinePolicies: {
        // The read-only policy of `bulwark drift --print-iam-policy`, from the same table.
        DriftReadOnly: iam.PolicyDocument.fromJson(driftIamPolicy()),
      },
    });
    const publish = props.publishToSecurityHub ?? true;
    if (publish) {
      this.role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'ImportFindings',
          actions: ['securityhub:BatchImportFindings'],
          resources: [
            `arn:${Aws.PARTITION}:securityhub:${Aws.REGION}:${Aws.ACCOUNT_ID}:product/${Aws.ACCOUNT_ID}/default`,
          ],
        }),
      );
    }
    props.incidentTopic.grantPublish(this.role);

    const pkg = props.bulwarkPackage ?? 'bulwark';
    const app = props.app ?? 'cdk.out';
    const stackArgs = (props.stacks ?? []).map((s) => `--stack ${s}`).join(' ');
    const convert = `node -e "require('${pkg}').writeDriftOutputs('drift.json', 'drift-out')"`;
    this.project = new codebuild.Project(this, 'Project', {
      description: 'bulwark drift: compares the deployed stacks with the desired state',
      source: props.source,
      role: this.role,
      encryptionKey: this.encryptionKey,
      timeout: props.timeout ?? Duration.hours(1),
      environment: { buildImage: codebuild.LinuxBuildImage.STANDARD_7_0, privileged: false },
      logging: { cloudWatch: { logGroup: this.logGroup.logGroup } },
      environmentVariables: {
        INCIDENT_TOPIC_ARN: { value: props.incidentTopic.topicArn },
        BULWARK_FAIL_ON: { value: failOn },
      },
      buildSpec: codebuild.BuildSpec.fromObject({
        version: '0.2',
        env: { shell: 'bash' },
        phases: {
          install: { commands: [...(props.installCommands ?? ['npm ci'])] },
          build: {
            commands: [
              ...(props.synthCommands ?? ['npx cdk synth --quiet']),
              // Exit 1 (drift or findings) is a result, not a failed build; 2 (input error) fails it.
              `set +e; npx bulwark drift --app ${app} ${stackArgs} --fail-on "$BULWARK_FAIL_ON" --format json --output drift.json; echo $? > drift.exit; set -e`,
              'if [ "$(cat drift.exit)" -ge 2 ]; then echo "bulwark drift could not run"; exit 1; fi',
              convert,
              ...(publish
                ? [
                    'for f in drift-out/asff-*.json; do [ -e "$f" ] || continue; aws securityhub batch-import-findings --findings "file://$f"; done',
                  ]
                : []),
              'if [ "$(cat drift.exit)" = 1 ]; then aws sns publish --topic-arn "$INCIDENT_TOPIC_ARN" --subject "Bulwark drift: findings at or above $BULWARK_FAIL_ON" --message file://drift-out/summary.txt; fi',
            ],
          },
        },
      }),
    });

    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: 'Runs bulwark drift',
      schedule: props.schedule ?? scheduler.ScheduleExpression.rate(Duration.days(1)),
      target: new targets.CodeBuildStartBuild(this.project),
    });
  }
}
