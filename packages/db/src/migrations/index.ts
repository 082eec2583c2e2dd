// Every migration, in order. Listed explicitly (as atproto's ozone does) so the same set runs
// under tsx, vitest and any bundler without filesystem scanning. Names are their timestamps.
import * as m20261122T100000 from './20261122T100000_staff';
import * as m20261122T100100 from './20261122T100100_audit_event';
import * as m20261122T110000 from './20261122T110000_intake';
import * as m20261122T120000 from './20261122T120000_review';
import * as m20261122T130000 from './20261122T130000_access';
import * as m20261201T100000 from './20261201T100000_audit_chain';
import * as m20261201T100100 from './20261201T100100_app_role';
import * as m20261201T100200 from './20261201T100200_audit_search';
import * as m20261204T110000 from './20261204T110000_access_ends';
import * as m20261204T120000 from './20261204T120000_staff_enrolment';
import * as m20261204T140000 from './20261204T140000_jobs_and_webhooks';
import * as m20261204T150000 from './20261204T150000_grant_expiry_recorded';
import * as m20261204T160000 from './20261204T160000_statements_of_reasons';
import * as m20261204T170000 from './20261204T170000_access_notices';
import * as m20261204T180000 from './20261204T180000_appeals';
import * as m20261205T090000 from './20261205T090000_legal_role';
import * as m20261205T100000 from './20261205T100000_holds_and_retention';
import * as m20261205T110000 from './20261205T110000_legal_requests';
import * as m20261205T130000 from './20261205T130000_tdb_submission';
import * as m20261205T140000 from './20261205T140000_delivery_claim_order';
import * as m20261205T140100 from './20261205T140100_grants_end_with_their_holder';
import * as m20261205T150000 from './20261205T150000_case_finding';
import * as m20261205T150100 from './20261205T150100_policy_fit';
import * as m20261206T100000 from './20261206T100000_transparency_reports';
import * as m20261206T110000 from './20261206T110000_queue_snapshots';
import * as m20261206T120000 from './20261206T120000_decision_undo';
import * as m20261206T130000 from './20261206T130000_audit_export_progress';
import * as m20261206T130100 from './20261206T130100_case_keyset_indexes';
import * as m20261206T140000 from './20261206T140000_audit_chain_link';
import * as m20261206T140100 from './20261206T140100_session_invalidation';
import * as m20261207T010000 from './20261207T010000_holder_grants_pending';

export const migrations = {
  '20261122T100000_staff': m20261122T100000,
  '20261122T100100_audit_event': m20261122T100100,
  '20261122T110000_intake': m20261122T110000,
  '20261122T120000_review': m20261122T120000,
  '20261122T130000_access': m20261122T130000,
  '20261201T100000_audit_chain': m20261201T100000,
  '20261201T100100_app_role': m20261201T100100,
  '20261201T100200_audit_search': m20261201T100200,
  '20261204T110000_access_ends': m20261204T110000,
  '20261204T120000_staff_enrolment': m20261204T120000,
  '20261204T140000_jobs_and_webhooks': m20261204T140000,
  '20261204T150000_grant_expiry_recorded': m20261204T150000,
  '20261204T160000_statements_of_reasons': m20261204T160000,
  '20261204T170000_access_notices': m20261204T170000,
  '20261204T180000_appeals': m20261204T180000,
  '20261205T090000_legal_role': m20261205T090000,
  '20261205T100000_holds_and_retention': m20261205T100000,
  '20261205T110000_legal_requests': m20261205T110000,
  '20261205T130000_tdb_submission': m20261205T130000,
  '20261205T140000_delivery_claim_order': m20261205T140000,
  '20261205T140100_grants_end_with_their_holder': m20261205T140100,
  '20261205T150000_case_finding': m20261205T150000,
  '20261205T150100_policy_fit': m20261205T150100,
  '20261206T100000_transparency_reports': m20261206T100000,
  '20261206T110000_queue_snapshots': m20261206T110000,
  '20261206T120000_decision_undo': m20261206T120000,
  '20261206T130000_audit_export_progress': m20261206T130000,
  '20261206T130100_case_keyset_indexes': m20261206T130100,
  '20261206T140000_audit_chain_link': m20261206T140000,
  '20261206T140100_session_invalidation': m20261206T140100,
  '20261207T010000_holder_grants_pending': m20261207T010000,
};
