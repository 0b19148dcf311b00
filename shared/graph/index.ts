// The graph engine under the validator: one classification of a map's links, execution paths and
// reachability, in O(nodes + links) on flat typed arrays. It knows the model (kinds, link rules),
// nothing of findings or languages; the validator, goal focus, metric progress and the outline use it.
// Beside it, map navigation: where the arrow keys take the selection and where a new node goes.
export * from './execution-path';
export * from './link-analysis';
export * from './link-classes';
export * from './map-navigation';
export * from './node-index';
export * from './reach';
export * from './scratch';
export * from './strongly-connected';
