export * from './baseline-web-acl';
export * from './hardened-alb-listeners';
export * from './policies';
