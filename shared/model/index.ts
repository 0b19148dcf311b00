export * from './checkins';
export * from './factory';
export * from './kinds';
export * from './language';
export * from './limits';
export * from './link-rules';
export * from './schemas';
export * from './types';
