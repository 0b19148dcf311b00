export * from './factory';
export * from './kinds';
export * from './limits';
export * from './link-rules';
export * from './schemas';
export * from './types';
