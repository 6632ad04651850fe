export * from './drift-detection-schedule';
