import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnCondition, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import * as dms from 'aws-cdk-lib/aws-dms';
import * as docdb from 'aws-cdk-lib/aws-docdb';
import * as emr from 'aws-cdk-lib/aws-emr';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as redshift from 'aws-cdk-lib/aws-redshift';
import { Classification } from '../../lib/classification';
import { Unknown } from '../../lib/graph/values';
import { loadInput } from '../../lib/sources';
import { cloudFormationAdapters } from '../../lib/views/cloudformation';
import type { DataStoreView } from '../../lib/views/kinds';
import { ViewSet } from '../../lib/views/registry';
import {
  EMR_ENCRYPTED,
  deliveryStream,
  dmsEndpoint,
  docdbCluster,
  emrCluster,
  kafkaCluster,
  kinesisStream,
  neptuneCluster,
  redshiftCluster,
  replicationGroup,
  searchDomain,
} from '../support/data-services';

/** Synthesize one stack and return its data-store views by construct id below the stack. */
function stores(build: (stack: Stack) => void): (id: string) => DataStoreView {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-views-'));
  try {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    build(new Stack(app, 'S'));
    app.synth();
    const { graph } = loadInput([outdir]);
    const set = new ViewSet(graph, cloudFormationAdapters());
    const all = set.ofKind('data-store');
    expect(set.errors).toEqual([]);
    return (id) => {
      const v = all.find((x) => x.resource.path === `S/${id}`);
      if (!v) throw new Error(`no data-store view for ${id}`);
      return v;
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const reason = (v: unknown): string => (v as Unknown).reason;

describe('CloudFormation adapters of managed data services', () => {
  test('a cluster restored from a snapshot inherits its encryption: Unknown, never a guess', () => {
    const view = stores((stack) => {
      neptuneCluster(stack, 'Graph', { storageEncrypted: undefined, snapshotIdentifier: 'graph-snap' });
      docdbCluster(stack, 'Docs', { storageEncrypted: undefined, snapshotIdentifier: 'docs-snap' });
      redshiftCluster(stack, 'Warehouse', { encrypted: undefined, snapshotIdentifier: 'dw-snap' });
    });
    for (const id of ['Graph', 'Docs', 'Warehouse'])
      expect(reason(view(id).encryption.atRest)).toMatch(/inherited from `SnapshotIdentifier`/);
  });

  test('a KMS key of the template is a customer key; alias/aws/* the AWS managed key', () => {
    const view = stores((stack) => {
      const key = new kms.Key(stack, 'Key');
      neptuneCluster(stack, 'Graph', { kmsKeyId: key.keyArn });
      kinesisStream(stack, 'Events');
      kafkaCluster(stack, 'Kafka');
    });
    expect(view('Graph').encryption.atRest).toBe('customer-key');
    expect(view('Graph').encryption.key?.address).toBeDefined();
    expect(view('Events').encryption.atRest).toBe('kms-provider-key');
    expect(view('Kafka').encryption.atRest).toBe('kms-provider-key');
  });

  test('DocumentDB: the tls parameter of a group named by string, outside the template, or tls1.3+', () => {
    const view = stores((stack) => {
      new docdb.CfnDBClusterParameterGroup(stack, 'Strict', {
        description: 'tls 1.3',
        family: 'docdb5.0',
        name: 'strict-tls',
        parameters: { tls: 'tls1.3+' },
      });
      docdbCluster(stack, 'ByName', { dbClusterParameterGroupName: 'strict-tls' });
      docdbCluster(stack, 'Elsewhere', { dbClusterParameterGroupName: 'shared-params' });
      docdbCluster(stack, 'OnDefault', { dbClusterParameterGroupName: 'default.docdb5.0' });
    });
    expect(view('ByName').tlsOnly).toBe(true);
    expect(view('ByName').minTls).toBe('1.3');
    expect(reason(view('Elsewhere').tlsOnly)).toMatch(/`shared-params` is not in the template/);
    expect(view('OnDefault').tlsOnly).toBe(true);
  });

  test('Redshift: require_ssl from a group named by string; a group without it is Unknown', () => {
    const view = stores((stack) => {
      new redshift.CfnClusterParameterGroup(stack, 'Tls', {
        description: 'tls',
        parameterGroupFamily: 'redshift-1.0',
        parameterGroupName: 'tls-params',
        parameters: [{ parameterName: 'require_ssl', parameterValue: 'true' }],
      });
      const other = new redshift.CfnClusterParameterGroup(stack, 'Other', {
        description: 'logging only',
        parameterGroupFamily: 'redshift-1.0',
        parameters: [{ parameterName: 'enable_user_activity_logging', parameterValue: 'true' }],
      });
      redshiftCluster(stack, 'ByName', { clusterParameterGroupName: 'tls-params' });
      redshiftCluster(stack, 'Silent', { clusterParameterGroupName: other.ref });
    });
    expect(view('ByName').tlsOnly).toBe(true);
    expect(reason(view('Silent').tlsOnly)).toMatch(/does not set `require_ssl`/);
    expect(view('ByName').backupRetentionDays).toBe(7);
  });

  test('ElastiCache: a token from a NoEcho parameter is set; one behind a condition is Unknown', () => {
    const view = stores((stack) => {
      const token = new CfnParameter(stack, 'Token', { noEcho: true });
      const useToken = new CfnCondition(stack, 'UseToken', {
        expression: Fn.conditionNot(Fn.conditionEquals(token.valueAsString, '')),
      });
      replicationGroup(stack, 'Param', { authToken: token.valueAsString });
      replicationGroup(stack, 'Cond', {
        authToken: Fn.conditionIf(useToken.logicalId, token.valueAsString, Fn.ref('AWS::NoValue')).toString(),
      });
      replicationGroup(stack, 'Key', { kmsKeyId: new kms.Key(stack, 'CacheKey').keyArn });
    });
    expect(view('Param').clientAuthentication).toEqual(['shared-secret']);
    expect(view('Cond').clientAuthentication).toBeInstanceOf(Unknown);
    expect(view('Param').encryption.atRest).toBe('provider');
    expect(view('Key').encryption.atRest).toBe('customer-key');
  });

  test('OpenSearch: an unknown TLS policy is Unknown; an access policy open to everyone is recorded', () => {
    const view = stores((stack) => {
      searchDomain(stack, 'Search', {
        domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: 'Policy-Min-TLS-9-9' },
        accessPolicies: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:*', Resource: '*' }],
        },
      });
    });
    expect(reason(view('Search').minTls)).toMatch(/`Policy-Min-TLS-9-9` is not a known/);
    expect(view('Search').policyAllowsPublic).toBe(true);
    expect(view('Search').minTlsCeiling).toBe('1.2');
    // Placed in a VPC subnet: a private endpoint, no public one.
    expect(view('Search').publicNetworkAccess).toBe(false);
    expect(view('Search').privateEndpoint).toBe(true);
  });

  test('MSK: tags written as a map carry the classification', () => {
    const view = stores((stack) => {
      kafkaCluster(stack, 'Kafka', { tags: { 'data-classification': 'confidential' } });
    });
    expect(view('Kafka').classification).toEqual({ state: 'tagged', level: Classification.CONFIDENTIAL });
  });

  test('Kinesis retention in days; Firehose reading MSK keeps the cluster encryption', () => {
    const view = stores((stack) => {
      kinesisStream(stack, 'Events', { retentionPeriodHours: 48 });
      const kafka = kafkaCluster(stack, 'Kafka');
      deliveryStream(stack, 'Delivery', {
        deliveryStreamType: 'MSKAsSource',
        deliveryStreamEncryptionConfigurationInput: undefined,
        mskSourceConfiguration: {
          mskClusterArn: kafka.attrArn,
          topicName: 'orders',
          authenticationConfiguration: {
            connectivity: 'PRIVATE',
            roleArn: 'arn:aws:iam::123456789012:role/firehose',
          },
        },
      });
    });
    expect(view('Events').dataRetentionDays).toBe(2);
    expect(view('Delivery').encryption.atRest).toBe('kms-provider-key');
  });

  test('EMR: a security configuration named by string, and one that is not in the template', () => {
    const view = stores((stack) => {
      new emr.CfnSecurityConfiguration(stack, 'Sec', {
        name: 'encrypted',
        securityConfiguration: { EncryptionConfiguration: EMR_ENCRYPTED },
      });
      emrCluster(stack, 'ByName', 'encrypted');
      emrCluster(stack, 'Elsewhere', 'shared-security');
    });
    expect(view('ByName').nodeToNodeEncryption).toBe(true);
    expect(view('ByName').encryption.atRest).toBe('kms-provider-key');
    expect(reason(view('Elsewhere').nodeToNodeEncryption)).toMatch(
      /`shared-security` is not in the template/,
    );
    expect(view('Elsewhere').encryption.atRest).toBeInstanceOf(Unknown);
  });

  test('DMS: Kafka security protocol, S3 over HTTPS, an engine without a documented SslMode default', () => {
    const view = stores((stack) => {
      dmsEndpoint(stack, 'Kafka', {
        endpointType: 'target',
        engineName: 'kafka',
        sslMode: undefined,
        kafkaSettings: { broker: 'b-1.example:9092', topic: 'orders' },
      });
      new dms.CfnEndpoint(stack, 'Archive', {
        endpointType: 'target',
        engineName: 's3',
        s3Settings: { bucketName: 'archive', serviceAccessRoleArn: 'arn:aws:iam::123456789012:role/dms' },
      });
      dmsEndpoint(stack, 'Warehouse', { endpointType: 'target', engineName: 'redshift', sslMode: undefined });
    });
    expect(view('Kafka').tlsOnly).toBe(false);
    expect(view('Archive').tlsOnly).toBe(true);
    expect(reason(view('Warehouse').tlsOnly)).toMatch(/engine `redshift` has no documented default/);
  });
});
