import type { Connection, Database } from '@docket/db';
import type { Role } from '@docket/permissions';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AccessEventHub } from './access/live';
import type { SigningKeyFile } from './audit/signing-keys';
import type { SessionCache } from './auth/session-cache';
import type { Config } from './config';
import type { Keyring } from './encryption/keyring';
import type { Operations } from './ops/health';
import type { Metrics } from './ops/metrics';
import type { QueueSummaryCache } from './queues/summary-cache';

export interface SignedInStaff {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
}

export interface Session {
  tokenHash: Buffer;
  user: SignedInStaff;
  csrfToken: string;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

/** What the app needs from the outside world; tests build their own. */
export interface AppDeps {
  db: Kysely<Database>;
  config: Config;
  logger: Logger;
  keyring: Keyring;
  /** The audit signing keys: the sealer signs checkpoints with them, exports sign manifests. */
  signingKeys: Pick<SigningKeyFile, 'current' | 'keys'>;
  /** LISTEN on a Postgres channel (live updates); from the db Connection. */
  listen?: Connection['listen'];
  /** Shutdown state, background loops and the pool, for `/readyz` and `/metrics` (main.ts). */
  ops?: Operations;
}

/** Deps plus what the app builds for itself once (shared by all requests of one process). */
export interface AppServices extends AppDeps {
  queueSummaries: QueueSummaryCache;
  accessEvents: AccessEventHub;
  sessions: SessionCache;
  ops: Operations;
  metrics: Metrics;
}

/** The platform service account that signed the current request. */
export interface ServiceCaller {
  id: string;
  name: string;
  keyId: string;
  /** The request's signature bytes: recorded to refuse replays. */
  signature: Buffer;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppServices;
    /** The signed-in staff session, or null (and `sessionEnded` when a cookie was stale). */
    session: Session | null;
    sessionEnded: boolean;
    service: ServiceCaller | null;
  };
}
