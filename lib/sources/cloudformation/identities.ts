import { Unknown, asString, type ValueObject } from '../../graph/values';

/**
 * How other resources name a resource of a type by value: the property holding its name, and the
 * forms built from it (ARN, URL), as AWS writes them. `{name}` is the name, `{path}` the IAM path
 * (`Path`, default `/`), `{partition}`, `{region}`, `{account}` and `{urlSuffix}` the stack's
 * pseudo parameters. A type whose name is not set has no by-value identity: CloudFormation
 * generates the name.
 */
interface Naming {
  readonly property: string;
  readonly forms: readonly string[];
  /** The service stores the name in lower case (RDS identifiers): the lower-case forms are added. */
  readonly lowercase?: boolean;
}

const ARN = 'arn:{partition}';
const REGIONAL = `${ARN}:{service}:{region}:{account}`;

function regional(service: string, resource: string): string {
  return `${REGIONAL.replace('{service}', service)}:${resource}`;
}

/** Naming by type. */
const NAMING: Readonly<Record<string, Naming>> = {
  'AWS::S3::Bucket': { property: 'BucketName', forms: ['{name}', `${ARN}:s3:::{name}`] },
  'AWS::KMS::Alias': { property: 'AliasName', forms: ['{name}', regional('kms', '{name}')] },
  'AWS::IAM::Role': { property: 'RoleName', forms: ['{name}', `${ARN}:iam::{account}:role{path}{name}`] },
  'AWS::IAM::User': { property: 'UserName', forms: ['{name}', `${ARN}:iam::{account}:user{path}{name}`] },
  'AWS::IAM::Group': {
    property: 'GroupName',
    forms: ['{name}', `${ARN}:iam::{account}:group{path}{name}`],
  },
  'AWS::IAM::ManagedPolicy': {
    property: 'ManagedPolicyName',
    forms: [`${ARN}:iam::{account}:policy{path}{name}`],
  },
  'AWS::IAM::InstanceProfile': {
    property: 'InstanceProfileName',
    forms: ['{name}', `${ARN}:iam::{account}:instance-profile{path}{name}`],
  },
  'AWS::Logs::LogGroup': {
    property: 'LogGroupName',
    forms: ['{name}', regional('logs', 'log-group:{name}')],
  },
  'AWS::SQS::Queue': {
    property: 'QueueName',
    forms: ['{name}', regional('sqs', '{name}'), 'https://sqs.{region}.{urlSuffix}/{account}/{name}'],
  },
  'AWS::SNS::Topic': { property: 'TopicName', forms: ['{name}', regional('sns', '{name}')] },
  'AWS::Lambda::Function': {
    property: 'FunctionName',
    forms: ['{name}', regional('lambda', 'function:{name}')],
  },
  'AWS::RDS::DBInstance': {
    property: 'DBInstanceIdentifier',
    forms: ['{name}', regional('rds', 'db:{name}')],
    lowercase: true,
  },
  'AWS::RDS::DBCluster': {
    property: 'DBClusterIdentifier',
    forms: ['{name}', regional('rds', 'cluster:{name}')],
    lowercase: true,
  },
  'AWS::EC2::SecurityGroup': { property: 'GroupName', forms: ['{name}'] },
  'AWS::EC2::LaunchTemplate': { property: 'LaunchTemplateName', forms: ['{name}'] },
  'AWS::DynamoDB::Table': { property: 'TableName', forms: ['{name}', regional('dynamodb', 'table/{name}')] },
  'AWS::Kinesis::Stream': { property: 'Name', forms: ['{name}', regional('kinesis', 'stream/{name}')] },
  'AWS::KinesisFirehose::DeliveryStream': {
    property: 'DeliveryStreamName',
    forms: ['{name}', regional('firehose', 'deliverystream/{name}')],
  },
  'AWS::SecretsManager::Secret': { property: 'Name', forms: ['{name}'] },
  'AWS::Backup::BackupVault': {
    property: 'BackupVaultName',
    forms: ['{name}', regional('backup', 'backup-vault:{name}')],
  },
  'AWS::CloudTrail::Trail': {
    property: 'TrailName',
    forms: ['{name}', regional('cloudtrail', 'trail/{name}')],
  },
  'AWS::ECR::Repository': {
    property: 'RepositoryName',
    forms: ['{name}', regional('ecr', 'repository/{name}')],
  },
  'AWS::Events::EventBus': { property: 'Name', forms: ['{name}', regional('events', 'event-bus/{name}')] },
  'AWS::DocDB::DBClusterParameterGroup': { property: 'Name', forms: ['{name}'], lowercase: true },
  'AWS::Redshift::ClusterParameterGroup': {
    property: 'ParameterGroupName',
    forms: ['{name}'],
    lowercase: true,
  },
  'AWS::RDS::DBClusterParameterGroup': {
    property: 'DBClusterParameterGroupName',
    forms: ['{name}'],
    lowercase: true,
  },
  'AWS::RDS::DBParameterGroup': { property: 'DBParameterGroupName', forms: ['{name}'], lowercase: true },
  'AWS::EMR::SecurityConfiguration': { property: 'Name', forms: ['{name}'] },
  'AWS::NetworkFirewall::FirewallPolicy': {
    property: 'FirewallPolicyName',
    forms: [regional('network-firewall', 'firewall-policy/{name}')],
  },
  'AWS::NetworkFirewall::Firewall': {
    property: 'FirewallName',
    forms: [regional('network-firewall', 'firewall/{name}')],
  },
};

/** A part of an identity: a literal, or an unresolved value rendered as its display. */
type Part = string | Unknown;

/** Pseudo parameters as the template resolves them; an absent one renders as `${AWS::Name}`. */
export type PseudoValues = Readonly<Record<string, string>>;

/**
 * The values a resource of `type` is known by, from its resolved properties: literals where the
 * name is known, renderings of the expression where it is not. A name whose rendering is not
 * canonical (a conditional `${If:...}`, an unrendered part `${?}`) gives no identity.
 */
export function identitiesOf(
  type: string,
  properties: ValueObject,
  pseudo: PseudoValues,
): (string | Unknown)[] {
  const naming = NAMING[type];
  if (!naming || naming.forms.length === 0) return [];
  const name = asString(properties[naming.property]);
  if (name === undefined || name === '' || !canonical(name)) return [];
  const path = naming.forms.some((f) => f.includes('{path}')) ? (asString(properties.Path) ?? '/') : '/';
  const names: Part[] =
    naming.lowercase && typeof name === 'string' && name.toLowerCase() !== name
      ? [name, name.toLowerCase()]
      : [name];
  const out: (string | Unknown)[] = [];
  for (const n of names) {
    for (const form of naming.forms) {
      if (form.includes('{path}') && !canonical(path)) continue;
      const id = render(form, { name: n, path, ...pseudoParts(pseudo) });
      if (id !== undefined) out.push(id);
    }
  }
  return out;
}

function pseudoParts(pseudo: PseudoValues): Record<string, Part> {
  const part = (key: string): Part =>
    pseudo[key] ?? new Unknown(`pseudo parameter \`${key}\` is known only at deploy time`, [], `\${${key}}`);
  return {
    partition: part('AWS::Partition'),
    region: part('AWS::Region'),
    account: part('AWS::AccountId'),
    urlSuffix: part('AWS::URLSuffix'),
  };
}

function canonical(p: Part): boolean {
  if (typeof p === 'string') return true;
  const d = p.display;
  return d !== undefined && d !== '' && !d.includes('${?}') && !d.includes('${If:');
}

/** Fill a form: a string when every part is literal, else an Unknown rendering the whole. */
function render(form: string, parts: Record<string, Part>): string | Unknown | undefined {
  let literal = true;
  const refs: Unknown['refs'][number][] = [];
  const text = form.replace(/\{(\w+)\}/g, (_m, key: string) => {
    const p = parts[key];
    if (p === undefined) return '';
    if (typeof p === 'string') return p;
    literal = false;
    refs.push(...p.refs);
    return p.display!;
  });
  if (literal) return text;
  return new Unknown(`known only at deploy time (${text})`, refs, text);
}
