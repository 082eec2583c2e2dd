import { startTestServer } from '@docket/db/testing';

export default async function setup() {
  const server = await startTestServer();
  return () => server.stop();
}
