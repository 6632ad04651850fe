export * from './security-posture';
