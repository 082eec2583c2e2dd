/** Browser-safe: the chain, the bundle format, the renderings and the verifier core. */
export * from './bundle/format';
export { FormatError, parseKeysDocument, parseManifest, parseSignedCheckpoint } from './bundle/parse';
export * from './bytes';
export * from './canonical';
export * from './chain';
export * from './checkpoint';
export * from './disclosure/format';
export type * from './record';
export { auditCsvHeader, auditCsvRow, csvField } from './render/csv';
export { auditOcsf, OCSF_VERSION } from './render/ocsf';
export * from './report/index';
export {
  describeDifferences,
  parseReport,
  type ReportCheckFailure,
  type ReportCheckResult,
  type ReportCheckSuccess,
  verifyReport,
} from './report/verify-report';
export { type DisclosureFailure, type DisclosureSuccess, verifyDisclosure } from './verify/disclosure';
export { describeFailure, VerificationFailure } from './verify/failure';
export type { Trust } from './verify/keys';
export type { CryptoProvider, Sha256Stream } from './verify/provider';
export {
  parseDocument,
  type VerifyFailureResult,
  type VerifyOptions,
  type VerifyProgress,
  type VerifyResult,
  type VerifySuccess,
  verifyBundle,
} from './verify/verify';
export { webCryptoProvider } from './verify/web-crypto';
