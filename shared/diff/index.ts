// What changed between two versions of a map (nodes by id, links by their ends, execution paths).
export * from './map-diff';
