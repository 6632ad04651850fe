import type { Rule } from '../../../lib/engine/rule';
import cdnTls from './cdn-tls';
import httpRedirectsToHttps from './http-redirects-to-https';
import listenerTls from './listener-tls';
import naclAdminPorts from './nacl-admin-ports';
import sgAdminPorts from './sg-admin-ports';
import sgDatabasePorts from './sg-database-ports';
import vpcFlowLogs from './vpc-flow-logs';

export const networkRules: readonly Rule[] = [
  sgAdminPorts,
  sgDatabasePorts,
  naclAdminPorts,
  vpcFlowLogs,
  listenerTls,
  httpRedirectsToHttps,
  cdnTls,
];
