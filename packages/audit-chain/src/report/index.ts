/** The transparency report: its figures, its document, and the fold that computes it from audit events. */
export * from './build';
export * from './document';
export * from './figures';
export { type RawFigure, REPORT_ACTIONS, ReportFold, recordTime, suppress } from './fold';
export { FIGURE_TABLE_END, FIGURE_TABLE_START, figureTableMarkdown } from './table';
