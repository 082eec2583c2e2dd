export { IntakeClient, IntakeError } from './client';
export * from './signing';
export * from './webhooks';
