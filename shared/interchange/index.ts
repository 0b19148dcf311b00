export * from './file-name';
export * from './format';
export * from './json-schema';
export * from './refusals';
export * from './schema-issues';
export * from './size-guard';
