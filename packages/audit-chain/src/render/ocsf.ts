/**
 * events.ocsf.jsonl, for SIEMs: one OCSF 1.3.0 event per full audit record. Sign-ins, sign-outs and
 * refused request signatures are Authentication (3002); staff and service-account lifecycle is Account
 * Change (3001); every other read or change is API Activity (6003). Fields OCSF has no place for go
 * to `unmapped`. The mapping is documented in docs/audit-bundle.md §8.
 */
import type { AuditRecord } from '../record';

export const OCSF_VERSION = '1.3.0';

type OcsfObject = Record<string, unknown>;

interface OcsfClass {
  uid: number;
  name: string;
  category: [uid: number, name: string];
  activities: Record<string, [id: number, name: string]>;
}

const IAM: [number, string] = [3, 'Identity & Access Management'];

const AUTHENTICATION: OcsfClass = {
  uid: 3002,
  name: 'Authentication',
  category: IAM,
  activities: {
    'auth.signed_in': [1, 'Logon'],
    'auth.sign_in_failed': [1, 'Logon'],
    'auth.sign_in_throttled': [1, 'Logon'],
    'intake.signature_rejected': [1, 'Logon'],
    'auth.signed_out': [2, 'Logoff'],
  },
};

const ACCOUNT_CHANGE: OcsfClass = {
  uid: 3001,
  name: 'Account Change',
  category: IAM,
  activities: {
    'staff.created': [1, 'Create'],
    'staff.enabled': [2, 'Enable'],
    'staff.password_set': [4, 'Password Reset'],
    'staff.disabled': [5, 'Disable'],
    'staff.updated': [99, 'Update'],
    'staff.enrolled': [3, 'Password Change'],
    'staff.password_reset': [4, 'Password Reset'],
    'staff.role_confirmed': [7, 'Attach Policy'],
    'staff.role_removed': [8, 'Detach Policy'],
    'staff.role_requested': [99, 'Other'],
    'staff.role_rejected': [99, 'Other'],
    'staff.reset_link_issued': [99, 'Other'],
    'service_account.created': [1, 'Create'],
    'service_account.enabled': [2, 'Enable'],
    'service_account.disabled': [5, 'Disable'],
  },
};

const API_ACTIVITY = { uid: 6003, name: 'API Activity', category: [6, 'Application Activity'] as [number, string] };

const CREATE: [number, string] = [1, 'Create'];
const READ: [number, string] = [2, 'Read'];
const UPDATE: [number, string] = [3, 'Update'];
const DELETE: [number, string] = [4, 'Delete'];
const OTHER: [number, string] = [99, 'Other'];

/** API Activity's activity from the verb: the last segment of the dotted action. */
const VERBS: Record<string, [number, string]> = {
  read: READ,
  read_denied: READ,
  opened: READ,
  revealed: READ,
  exported: READ,
  decryption_failed: READ,
  created: CREATE,
  requested: CREATE,
  received: CREATE,
  reports_received: CREATE,
  recorded: CREATE,
  break_glass: CREATE,
  deleted: DELETE,
};

const METHODS: Record<string, [number, string]> = {
  GET: READ,
  HEAD: READ,
  POST: CREATE,
  PUT: UPDATE,
  PATCH: UPDATE,
  DELETE: DELETE,
};

const USER_TYPES: Record<AuditRecord['actor']['type'], [number, string]> = {
  staff: [1, 'User'],
  service: [99, 'Service'],
  system: [3, 'System'],
  anonymous: [0, 'Unknown'],
};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Drops undefined members, so the output carries only what is known. */
function compact(object: OcsfObject): OcsfObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

function actorUser(actor: AuditRecord['actor']): OcsfObject | undefined {
  if (actor.type === 'anonymous') return undefined;
  const [typeId, type] = actor.roles.includes('admin') ? [2, 'Admin'] : USER_TYPES[actor.type];
  return compact({
    uid: actor.id ?? undefined,
    name: actor.label ?? undefined,
    type_id: typeId,
    type,
    groups: actor.roles.length ? actor.roles.map((name) => ({ name })) : undefined,
  });
}

/** The account an Authentication or Account Change event is about. */
function subjectUser(record: AuditRecord): OcsfObject {
  const { target, actor, details } = record;
  const isActor = target !== null && target.id === actor.id;
  return compact({
    uid: target?.id ?? actor.id ?? undefined,
    name: text(details.username) ?? (isActor || !target ? (actor.label ?? undefined) : undefined),
    type: target?.type ?? undefined,
  });
}

function resources(record: AuditRecord): OcsfObject[] {
  const list: OcsfObject[] = [];
  const add = (type: string, uid: string | null) => {
    if (uid !== null && !list.some((resource) => resource.type === type && resource.uid === uid)) {
      list.push({ type, uid });
    }
  };
  if (record.target) add(record.target.type, record.target.id);
  add('case', record.caseId);
  add('access_grant', record.grantId);
  return list;
}

function classify(record: AuditRecord): { ocsfClass: Omit<OcsfClass, 'activities'>; activity: [number, string] } {
  for (const ocsfClass of [AUTHENTICATION, ACCOUNT_CHANGE]) {
    const activity = ocsfClass.activities[record.action];
    if (activity) return { ocsfClass, activity };
  }
  const verb = record.action.slice(record.action.lastIndexOf('.') + 1);
  const method = text(record.details.method);
  // A refused request (authz.denied) is classed by what it tried to do.
  const activity = VERBS[verb] ?? (method ? (METHODS[method] ?? OTHER) : UPDATE);
  return { ocsfClass: API_ACTIVITY, activity };
}

export function auditOcsf(record: AuditRecord): OcsfObject {
  const { ocsfClass, activity } = classify(record);
  const [activityId, activityName] = activity;
  const success = record.outcome === 'success';
  const method = text(record.details.method);
  const path = text(record.details.path);
  const httpRequest = compact({
    uid: record.requestId ?? undefined,
    user_agent: record.userAgent ?? undefined,
    http_method: method,
    url: path ? { path } : undefined,
  });
  const event: OcsfObject = {
    class_uid: ocsfClass.uid,
    class_name: ocsfClass.name,
    category_uid: ocsfClass.category[0],
    category_name: ocsfClass.category[1],
    activity_id: activityId,
    activity_name: activityName,
    type_uid: ocsfClass.uid * 100 + activityId,
    type_name: `${ocsfClass.name}: ${activityName}`,
    time: Date.parse(record.occurredAt),
    severity_id: 1,
    severity: 'Informational',
    status_id: success ? 1 : 2,
    status: success ? 'Success' : 'Failure',
    status_detail: success ? undefined : record.outcome,
    message: record.action,
    metadata: compact({
      version: OCSF_VERSION,
      product: { name: 'Docket', vendor_name: 'Docket' },
      uid: record.id,
      event_code: record.action,
      original_time: record.occurredAt,
      sequence: record.seq,
      correlation_uid: record.requestId ?? undefined,
      log_name: 'audit',
    }),
    actor: compact({ user: actorUser(record.actor) }),
    src_endpoint: compact({ ip: record.ip ?? undefined }),
    http_request: Object.keys(httpRequest).length ? httpRequest : undefined,
    unmapped: compact({
      actor_type: record.actor.type,
      outcome: record.outcome,
      case_id: record.caseId ?? undefined,
      grant_id: record.grantId ?? undefined,
      details: record.details,
    }),
  };
  if (ocsfClass.uid === API_ACTIVITY.uid) {
    event.api = compact({
      operation: record.action,
      request: record.requestId ? { uid: record.requestId } : undefined,
    });
    event.resources = resources(record);
  } else {
    event.user = subjectUser(record);
    if (ocsfClass.uid === AUTHENTICATION.uid) {
      const service = record.action.startsWith('intake.');
      event.auth_protocol_id = 99;
      event.auth_protocol = service ? 'HMAC request signature' : 'Password';
      event.service = { name: service ? 'Docket intake API' : 'Docket console' };
    }
  }
  return compact(event);
}
