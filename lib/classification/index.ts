export * from './levels';
export * from './requirements';
