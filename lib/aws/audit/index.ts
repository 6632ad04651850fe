export * from './audit-log-sink';
export * from './cis-metric-filters';
