export * from './segmented-vpc';
