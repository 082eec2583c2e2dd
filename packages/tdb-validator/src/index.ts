export * from './server';
export * from './spec';
export * from './validate';
