export * from './audit';
export * from './auth';
export * from './booking';
export * from './outbox';
export * from './patients';
export * from './practice';
export * from './scheduling';
export * from './staff';
