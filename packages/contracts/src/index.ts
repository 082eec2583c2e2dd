export * from './auth';
export * from './problem';
export * from './staff';
