export * from './file-name';
export * from './format';
export * from './json-schema';
export * from './size-guard';
