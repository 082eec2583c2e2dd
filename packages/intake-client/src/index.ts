export { IntakeClient, IntakeError } from './client';
export * from './signing';
