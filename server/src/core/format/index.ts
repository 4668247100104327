// The official formats as data: types (spec.ts), what both share (common.ts), 2021 (f2021.ts)
// and the superseded 2019 format (f2019.ts).
export * from './spec.js';
export * from './common.js';
export * from './f2021.js';
export * from './f2019.js';
export * from './template.js';
