export * from './incident-routing';
export * from './severity';
