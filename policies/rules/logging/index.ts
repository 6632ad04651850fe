import type { Rule } from '../../../lib/engine/rule';
import databaseAuditing from './database-auditing';
import logRetention from './log-retention';
import objectStoreAccessLogging from './object-store-access-logging';
import objectStoreDataEvents from './object-store-data-events';
import trailBucketAccessLogging from './trail-bucket-access-logging';
import trailBucketNotPublic from './trail-bucket-not-public';
import trailCisAlarms from './trail-cis-alarms';
import trailCloudwatchLogs from './trail-cloudwatch-logs';
import trailKmsEncryption from './trail-kms-encryption';
import trailLogFileValidation from './trail-log-file-validation';
import trailMultiRegion from './trail-multi-region';
import kubernetesControlPlaneLogs from './kubernetes-control-plane-logs';
import vpcFlowLogs from './vpc-flow-logs';
import threatDetectionEnabled from './threat-detection-enabled';
import apiAccessLogs from './api-access-logs';
import loadBalancerAccessLogs from './load-balancer-access-logs';
import cdnAccessLogs from './cdn-access-logs';
import dnsQueryLogging from './dns-query-logging';
import threatDetectionData from './threat-detection-data';
import defenderPlans from './defender-plans';
import resourceLogsSent from './resource-logs-sent';

export const loggingRules: readonly Rule[] = [
  logRetention,
  trailLogFileValidation,
  trailMultiRegion,
  trailKmsEncryption,
  trailCloudwatchLogs,
  trailCisAlarms,
  trailBucketAccessLogging,
  trailBucketNotPublic,
  objectStoreAccessLogging,
  objectStoreDataEvents,
  kubernetesControlPlaneLogs,
  vpcFlowLogs,
  threatDetectionEnabled,
  apiAccessLogs,
  loadBalancerAccessLogs,
  cdnAccessLogs,
  dnsQueryLogging,
  threatDetectionData,
  databaseAuditing,
  defenderPlans,
  resourceLogsSent,
];
