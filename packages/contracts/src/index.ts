export * from './access';
export * from './audit';
export * from './auth';
export * from './cases';
export * from './intake';
export * from './problem';
export * from './queues';
export * from './staff';
