export * from './export-choices';
export * from './paper';
export * from './pdf-options';
export * from './plan-outline';
export * from './print-date';
export * from './print-query';
