// A map's saved versions: their limits and shapes.
export * from './schemas';
