export * from './classified-backup';
