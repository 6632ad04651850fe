export * from './sandboxed-service';
export * from './sandboxed-task';
