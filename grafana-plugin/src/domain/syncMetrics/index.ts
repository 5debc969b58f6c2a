export * from './syncRecords';
export * from './median';
export * from './syncMetrics';
