export * from './drawing';
export * from './escape';
export * from './legend';
export * from './map-svg';
export * from './map-tiles';
export * from './node-box';
export * from './palette';
export * from './text-measure';
