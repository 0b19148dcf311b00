export * from './execution-path';
export * from './findings';
export * from './link-messages';
export * from './messages';
export * from './summary';
export * from './validate';
