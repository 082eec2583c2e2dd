/** The transparency report: its figures, its document, and the fold that computes it from audit events. */
export * from './document';
export * from './figures';
