import { Duration, Tags } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { Classification, tagValue } from '../../classification';
import { Tier, type SegmentedVpc } from '../network';
import { CLEARANCE_TAG, ClassifiedLogGroup } from '../stores';

/**
 * The four rotation steps for an opaque credential (an API key or token the workload holds): a new
 * random value is staged as AWSPENDING, then promoted to AWSCURRENT. `setSecret` and `testSecret`
 * have no downstream system to update or log in to, so they only pass. Calls reach Secrets Manager
 * through its VPC interface endpoint (private DNS), the only path the secret's policy admits.
 */
const HANDLER = `
const sm = require('@aws-sdk/client-secrets-manager');
const client = new sm.SecretsManagerClient({});
exports.handler = async ({ SecretId, ClientRequestToken: token, Step }) => {
  const meta = await client.send(new sm.DescribeSecretCommand({ SecretId }));
  if (!meta.RotationEnabled) throw new Error('rotation is not enabled on the secret');
  const versions = meta.VersionIdsToStages || {};
  const stages = versions[token];
  if (!stages) throw new Error('version ' + token + ' is not a version of the secret');
  if (stages.includes('AWSCURRENT')) return;
  if (!stages.includes('AWSPENDING')) throw new Error('version ' + token + ' is not pending');
  if (Step === 'createSecret') {
    try {
      await client.send(new sm.GetSecretValueCommand({ SecretId, VersionId: token, VersionStage: 'AWSPENDING' }));
      return;
    } catch (e) {
      if (e.name !== 'ResourceNotFoundException') throw e;
    }
    const { RandomPassword } = await client.send(new sm.GetRandomPasswordCommand({ PasswordLength: 32 }));
    await client.send(new sm.PutSecretValueCommand({
      SecretId, ClientRequestToken: token, SecretString: RandomPassword, VersionStages: ['AWSPENDING'],
    }));
  } else if (Step === 'finishSecret') {
    const current = Object.keys(versions).find((v) => versions[v].includes('AWSCURRENT'));
    await client.send(new sm.UpdateSecretVersionStageCommand({
      SecretId, VersionStage: 'AWSCURRENT', MoveToVersionId: token, RemoveFromVersionId: current,
    }));
  } else if (Step !== 'setSecret' && Step !== 'testSecret') {
    throw new Error('unknown rotation step ' + Step);
  }
};
`;

/** Props of {@link SecretRotationFunction}. */
export interface SecretRotationFunctionProps {
  /** The network the function runs in (application tier, reaching the interface endpoints). */
  readonly network: SegmentedVpc;
  /** Level of the secrets it rotates: its role carries that `clearance`. */
  readonly clearance: Classification;
}

/**
 * A rotation function for opaque credentials in Secrets Manager, for secrets whose level admits
 * only principals with a `clearance` tag and only through VPC endpoints (RESTRICTED and up, where
 * a hosted rotation cannot be used): its role carries the clearance of its level, it runs in the
 * application tier and calls Secrets Manager through the VPC interface endpoint. Its logs go to an
 * INTERNAL log group (they hold version ids, never values).
 */
export class SecretRotationFunction extends Construct {
  /** The function (pass it as `rotation.rotationLambda`). */
  readonly function: lambda.Function;
  /** Its log group. */
  readonly logGroup: ClassifiedLogGroup;

  constructor(scope: Construct, id: string, props: SecretRotationFunctionProps) {
    super(scope, id);
    this.logGroup = new ClassifiedLogGroup(this, 'Logs', { classification: Classification.INTERNAL });
    props.network.allowEndpointAccess(Tier.APPLICATION);
    this.function = new lambda.Function(this, 'Function', {
      description: 'Rotates opaque credentials in Secrets Manager',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: lambda.Code.fromInline(HANDLER),
      timeout: Duration.seconds(30),
      memorySize: 256,
      vpc: props.network.vpc,
      vpcSubnets: props.network.subnetsFor(Tier.APPLICATION),
      securityGroups: [props.network.securityGroupFor(Tier.APPLICATION)],
      allowPublicSubnet: false,
      logGroup: this.logGroup.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.DISABLED,
    });
    Tags.of(this.function.role!).add(CLEARANCE_TAG, tagValue(props.clearance));
  }
}
