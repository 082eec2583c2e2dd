/** Test support for other packages (the API export's tests): genuine bundles and ways to tamper with them. */
export * from './fixture';
export * from './records';
export * from './report-records';
export * from './tamper';
export * from './zip';
