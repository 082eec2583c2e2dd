export { type GenerateOptions, generateReports } from './generate';
export { DEFAULT_UNTIL, REPORTING_WINDOW_MS } from './platform';
export { createProgressRenderer, type ProgressOutput, type ProgressRenderer } from './progress';
export {
  APPEAL_EVERY,
  type DemoAppeal,
  type DemoReceiver,
  type Enforcement,
  startDemoReceiver,
} from './receiver';
export { reportIndexOf } from './report';
export { type BatchSubmitter, SendError, type SendOptions, type SendProgress, sendReports } from './send';
