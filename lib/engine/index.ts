export * from './rule';
export * from './pack';
export * from './suppression';
export * from './result';
export * from './score';
export * from './evaluate';
export * from './cases';
export * from './check-view';
