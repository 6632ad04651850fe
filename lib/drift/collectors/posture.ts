import {
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
} from '@aws-sdk/client-config-service';
import { GetDetectorCommand } from '@aws-sdk/client-guardduty';
import { DescribeHubCommand, GetEnabledStandardsCommand } from '@aws-sdk/client-securityhub';
import { Unknown } from '../../graph/values';
import { describeError, errorCode } from '../reader';
import { compact, liveResource, notReadable, plain, Reads, tagRecord } from './common';
import { ResourceGone, type CollectContext, type Collected, type Collector } from './types';

const enabled = (status: string | undefined) => status === 'ENABLED';

/**
 * `AWS::GuardDuty::Detector`: whether the detector is enabled, and each protection plan by its
 * feature name (the legacy data-source switches too).
 */
export const detectorCollector: Collector = {
  types: ['AWS::GuardDuty::Detector'],
  async collect(ctx: CollectContext): Promise<Collected> {
    const reads = new Reads(['ResourceNotFoundException']);
    let d;
    try {
      d = await reads.primary(() => ctx.aws.send(new GetDetectorCommand({ DetectorId: ctx.physicalId })));
    } catch (e) {
      // GuardDuty answers an unknown detector id with a 400 naming the id.
      if (
        errorCode(e) === 'BadRequestException' &&
        /detectorId|not owned|not found/i.test(String((e as Error).message))
      )
        throw new ResourceGone(describeError(e));
      throw e;
    }
    const ds = d.DataSources;
    const properties = compact({
      Enable: enabled(d.Status),
      FindingPublishingFrequency: d.FindingPublishingFrequency,
      DataSources: ds
        ? compact({
            S3Logs: ds.S3Logs ? { Enable: enabled(ds.S3Logs.Status) } : undefined,
            Kubernetes: ds.Kubernetes?.AuditLogs
              ? { AuditLogs: { Enable: enabled(ds.Kubernetes.AuditLogs.Status) } }
              : undefined,
            MalwareProtection: ds.MalwareProtection?.ScanEc2InstanceWithFindings?.EbsVolumes
              ? {
                  ScanEc2InstanceWithFindings: {
                    EbsVolumes: enabled(ds.MalwareProtection.ScanEc2InstanceWithFindings.EbsVolumes.Status),
                  },
                }
              : undefined,
          })
        : undefined,
      Features: d.Features ? d.Features.map((f) => compact({ Name: f.Name, Status: f.Status })) : undefined,
    });
    return reads.result([liveResource(ctx.desired, properties, tagRecord(d.Tags))]);
  },
};

/**
 * `AWS::SecurityHub::Hub`: present while the account is subscribed (a hub that was disabled is
 * gone). Whether default standards were enabled is a creation-time choice the API does not report.
 */
export const hubCollector: Collector = {
  types: ['AWS::SecurityHub::Hub'],
  async collect(ctx: CollectContext): Promise<Collected> {
    const reads = new Reads(['InvalidAccessException', 'ResourceNotFoundException']);
    const hub = await reads.primary(() =>
      ctx.aws.send(
        new DescribeHubCommand(ctx.physicalId.startsWith('arn:') ? { HubArn: ctx.physicalId } : {}),
      ),
    );
    const properties = compact({
      AutoEnableControls: hub.AutoEnableControls,
      ControlFindingGenerator: hub.ControlFindingGenerator,
      EnableDefaultStandards:
        ctx.desired.properties.EnableDefaultStandards === undefined
          ? undefined
          : notReadable('whether default standards were enabled when the hub was created'),
    });
    return reads.result([liveResource(ctx.desired, properties, {})]);
  },
};

/** `AWS::SecurityHub::Standard`: the subscription exists and is not being deleted or failed. */
export const standardCollector: Collector = {
  types: ['AWS::SecurityHub::Standard'],
  async collect(ctx: CollectContext): Promise<Collected> {
    const reads = new Reads(['InvalidAccessException', 'ResourceNotFoundException']);
    const out = await reads.primary(() =>
      ctx.aws.send(new GetEnabledStandardsCommand({ StandardsSubscriptionArns: [ctx.physicalId] })),
    );
    const s = out.StandardsSubscriptions?.[0];
    if (!s || s.StandardsStatus === 'DELETING' || s.StandardsStatus === 'FAILED')
      throw new ResourceGone(`standards subscription ${s?.StandardsStatus ?? 'not found'}`);
    return reads.result([liveResource(ctx.desired, compact({ StandardsArn: s.StandardsArn }), {})]);
  },
};

/**
 * `AWS::Config::ConfigurationRecorder`: its recording group, and whether it is recording
 * (`StartedOnCreate` in the template's terms).
 */
export const recorderCollector: Collector = {
  types: ['AWS::Config::ConfigurationRecorder'],
  async collect(ctx: CollectContext): Promise<Collected> {
    const name = ctx.physicalId;
    const reads = new Reads(['NoSuchConfigurationRecorderException']);
    const out = await reads.primary(() =>
      ctx.aws.send(new DescribeConfigurationRecordersCommand({ ConfigurationRecorderNames: [name] })),
    );
    const rec = out.ConfigurationRecorders?.[0];
    if (!rec) throw new ResourceGone(`configuration recorder \`${name}\` not found`);
    const status = await reads.optional('StartedOnCreate', () =>
      ctx.aws.send(new DescribeConfigurationRecorderStatusCommand({ ConfigurationRecorderNames: [name] })),
    );
    const g = rec.recordingGroup;
    const properties = compact({
      Name: rec.name,
      RoleARN: rec.roleARN,
      StartedOnCreate:
        status instanceof Unknown ? status : (status?.ConfigurationRecordersStatus?.[0]?.recording ?? false),
      RecordingGroup: g
        ? compact({
            AllSupported: g.allSupported,
            IncludeGlobalResourceTypes: g.includeGlobalResourceTypes,
            ResourceTypes: g.resourceTypes ? plain(g.resourceTypes) : undefined,
            RecordingStrategy: g.recordingStrategy?.useOnly
              ? { UseOnly: g.recordingStrategy.useOnly }
              : undefined,
          })
        : undefined,
    });
    return reads.result([liveResource(ctx.desired, properties, {})]);
  },
};
