export * from './flowEvent';
export * from './sessionize';
export * from './outcome';
export * from './funnel';
export * from './formatGap';
