export * from './finding-groups';
export * from './findings';
export * from './goal-focus';
export * from './link-messages';
export * from './messages';
export * from './node-flags';
export * from './summary';
export * from './validate';
