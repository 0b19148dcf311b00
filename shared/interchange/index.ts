export * from './file-name';
export * from './format';
export * from './json-schema';
export * from './refusals';
export * from './size-guard';
