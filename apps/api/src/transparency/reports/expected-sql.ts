/**
 * Every figure of a transparency report counted again, independently, in SQL over the sealed audit
 * events of the period — for the tests, which require the fold to agree with each one. Each query
 * yields rows of (key, value) with keys as `figureKey` writes them. Medians are of the values
 * rounded to hundredths, as the report defines them (ADR 055).
 */
export const EXPECTED_FIGURES_SQL = `
with ev as (
  select e.action, e.outcome, e.occurred_at, e.target_type, e.target_id, e.grant_id::text as grant_id,
    e.actor_id::text as actor_id, e.details, s.seq
  from audit_event e join audit_seal s on s.event_id = e.id
  where e.occurred_at >= $1::timestamptz and e.occurred_at < $2::timestamptz and s.seq <= $3::bigint
    and e.outcome = 'success'
),
-- Decisions of the period, less those undone in it before they took effect.
decided as (
  select * from ev d where action = 'decision.recorded'
    and not exists (select 1 from ev u where u.action = 'decision.undone' and u.target_id = d.target_id)
),
issued as (
  select grant_id, 'user_report' as pathway, details->>'justificationCode' as code, occurred_at,
    (details->>'durationMinutes')::numeric as minutes from ev where action = 'access.approved' and grant_id is not null
  union all
  select grant_id, 'break_glass', 'BREAK_GLASS', occurred_at, (details->>'durationMinutes')::numeric
    from ev where action = 'access.break_glass'
  union all
  select grant_id, 'legal_request', 'LEGAL_REQUEST', occurred_at, null
    from ev where action in ('legal.recorded', 'legal.accepted', 'legal.narrowed') and grant_id is not null
),
reads as (
  select grant_id, coalesce(details->>'pathway', 'user_report') as pathway, target_id as conversation, m.id as message
    from ev, jsonb_array_elements_text(details->'messageIds') m(id) where action = 'conversation.read'
  union all
  select grant_id, 'legal_request', r->>0, (r->>0) || chr(1) || (r->>1)
    from ev, jsonb_array_elements(details->'messageRefs') r where action = 'legal.read' and details->>'category' = 'content'
),
any_read as (
  select distinct grant_id from ev, jsonb_array_elements_text(details->'messageIds') m where action = 'conversation.read'
  union
  select distinct grant_id from ev where action = 'legal.read' and jsonb_array_length(details->'messageRefs') > 0
),
ended as (
  select grant_id, min(case when action = 'access.expired' then (details->>'expiredAt')::timestamptz else occurred_at end) as at
    from ev where action in ('access.ended', 'access.revoked') or (action = 'access.expired' and target_type = 'access_grant')
    group by grant_id
),
per_grant as (
  select i.grant_id, i.pathway, i.occurred_at, e.at as ended_at,
    (select count(distinct r.message) from reads r where r.grant_id = i.grant_id) as messages,
    exists (select 1 from any_read a where a.grant_id = i.grant_id) as used
  from issued i left join ended e on e.grant_id = i.grant_id and e.at >= i.occurred_at
),
legal as (
  select target_id as id, details->'authority'->>'country' as country, details->>'instrument' as instrument,
    coalesce((details->>'receivedAt')::timestamptz, occurred_at) as received_at,
    (select count(distinct t->>'accountId') from jsonb_array_elements(details->'targets') t) as accounts,
    (details->>'emergency')::boolean as emergency, details->>'nonDisclosureUntil' is not null as nda
  from ev where action = 'legal.recorded'
),
legal_outcome as (
  select l.*,
    exists (select 1 from ev where action = 'legal.narrowed' and target_id = l.id) as narrowed,
    exists (select 1 from ev where action = 'legal.rejected' and target_id = l.id) as rejected,
    exists (select 1 from ev where action = 'legal.no_data' and target_id = l.id) as no_data,
    exists (select 1 from ev, jsonb_array_elements(details->'items') i
      where action = 'legal.produced' and target_id = l.id and i->>'category' <> 'order') as some_data,
    exists (select 1 from ev, jsonb_array_elements(details->'items') i
      where action = 'legal.produced' and target_id = l.id and i->>'category' = 'content') as content,
    (select count(distinct details->>'targetId') from ev where action = 'hold.placed'
      and details->>'legalRequestId' = l.id and details->>'targetType' = 'account') as preserved,
    (select min(occurred_at) from ev where action = 'legal.acknowledged' and target_id = l.id) as acknowledged_at,
    (select min(occurred_at) from ev where target_id = l.id and (action = 'legal.produced'
      or (action in ('legal.accepted', 'legal.narrowed') and l.instrument in ('preservation_request', 'eu_preservation_order')))) as effect_at
  from legal l
),
cell as (select *, '[country=' || country || ',instrument=' || instrument || ']' as k from legal_outcome)
select 'access.requests_made[code=' || (details->>'justificationCode') || ']' as key, count(*)::numeric as value from ev where action = 'access.requested' group by 1
union all select 'access.requests_approved[code=' || (details->>'justificationCode') || ']', count(*) from ev where action = 'access.approved' group by 1
union all select 'access.requests_narrowed[code=' || (details->>'justificationCode') || ']', count(*) from ev where action = 'access.approved'
  and ((details->>'narrowed')::boolean or (details->>'shortened')::boolean) group by 1
union all select 'access.requests_denied[code=' || (details->>'justificationCode') || ']', count(*) from ev where action = 'access.denied' group by 1
union all select 'access.requests_lapsed', count(*) from ev where action = 'access.cancelled' or (action = 'access.expired' and target_type = 'access_request')
union all select 'access.grants[code=' || code || ',pathway=' || pathway || ']', count(*) from issued group by 1
union all select 'access.conversations_read[pathway=' || pathway || ']', count(distinct conversation) from reads group by 1
union all select 'access.messages_read[pathway=' || pathway || ']', count(distinct (grant_id, message)) from reads group by 1
union all select 'access.messages_per_grant_median', round(percentile_cont(0.5) within group (order by messages)::numeric, 2) from per_grant
union all select 'access.messages_per_grant_p90', percentile_disc(0.9) within group (order by messages) from per_grant
union all select 'access.minutes_requested_median', round(percentile_cont(0.5) within group (order by round(m, 2))::numeric, 2)
  from (select (details->>'durationMinutes')::numeric as m from ev where action in ('access.requested', 'access.break_glass')) x
union all select 'access.minutes_granted_median', round(percentile_cont(0.5) within group (order by round(minutes::numeric, 2))::numeric, 2)
  from issued where pathway <> 'legal_request'
union all select 'access.minutes_used_median',
  round(percentile_cont(0.5) within group (order by round(extract(epoch from ended_at - occurred_at) / 60, 2))::numeric, 2)
  from per_grant where ended_at is not null
union all select 'access.grants_unused[pathway=' || pathway || ']', count(*) from per_grant where ended_at is not null and not used group by 1
union all select 'access.grants_revoked', count(*) from ev where action = 'access.revoked'
union all select 'access.break_glass_reviews[outcome=' || (details->>'outcome') || ']', count(*) from ev where action = 'access.break_glass_reviewed' group by 1
union all select 'access.break_glass_unreviewed', count(*) from issued i where pathway = 'break_glass'
  and not exists (select 1 from ev where action = 'access.break_glass_reviewed' and ev.grant_id = i.grant_id)
union all select 'access.notices_sent[pathway=' || (details->>'pathway') || ']', count(*) from ev where action = 'access.notice' group by 1
union all select 'access.notices_deferred[pathway=' || p || ']', sum(n) from (
  select details->>'pathway' as p, (details->>'participants')::numeric as n from ev where action = 'access.notice_deferred'
  union all select 'legal_request', 1 from ev where action = 'legal.notice_decided' and details->>'decision' = 'defer') x group by 1
union all select 'access.notices_never', count(*) from ev where action = 'legal.notice_decided' and details->>'decision' = 'never'
union all select 'legal.requests_received' || k, count(*) from cell group by k
union all select 'legal.accounts_specified' || k, sum(accounts) from cell group by k
union all select 'legal.produced_some_data' || k, count(*) from cell where some_data group by k
union all select 'legal.produced_content' || k, count(*) from cell where content group by k
union all select 'legal.produced_non_content' || k, count(*) from cell where some_data and not content group by k
union all select 'legal.rejected' || k, count(*) from cell where rejected group by k
union all select 'legal.narrowed' || k, count(*) from cell where narrowed group by k
union all select 'legal.no_data' || k, count(*) from cell where no_data group by k
union all select 'legal.emergency' || k, count(*) from cell where emergency group by k
union all select 'legal.preservation' || k, count(*) from cell where instrument in ('preservation_request', 'eu_preservation_order') group by k
union all select 'legal.accounts_preserved' || k, sum(preserved) from cell where preserved > 0 group by k
union all select 'legal.under_nondisclosure' || k, count(*) from cell where nda group by k
union all select 'legal.share_some_data', round(count(*) filter (where some_data)::numeric / nullif(count(*), 0), 4) from cell
union all select 'legal.share_content', round(count(*) filter (where content)::numeric / nullif(count(*), 0), 4) from cell
union all select 'legal.share_nondisclosure', round(count(*) filter (where nda)::numeric / nullif(count(*), 0), 4) from cell
union all select 'legal.hours_to_acknowledge_median',
  round(percentile_cont(0.5) within group (order by round(extract(epoch from acknowledged_at - received_at) / 3600, 2))::numeric, 2) from cell where acknowledged_at is not null
union all select 'legal.hours_to_effect_median',
  round(percentile_cont(0.5) within group (order by round(extract(epoch from effect_at - received_at) / 3600, 2))::numeric, 2) from cell where effect_at is not null
union all select 'moderation.reports[category=' || (c->>0) || ',source=' || (c->>1) || ']', sum((c->>2)::numeric)
  from ev, jsonb_array_elements(details->'counts') c where action = 'intake.reports_received' group by 1
union all select 'moderation.hours_to_decision_median',
  round(percentile_cont(0.5) within group (order by round(extract(epoch from occurred_at - (details->>'firstReportAt')::timestamptz) / 3600, 2))::numeric, 2)
  from decided where details->>'action' <> 'escalate' and details->>'firstReportAt' is not null
union all select 'moderation.decisions[action=' || (details->>'action') || ']', count(*) from decided group by 1
union all select 'moderation.decisions_by_ground[ground=' || coalesce(details->'statement'->>'ground', 'none') || ']', count(*)
  from decided group by 1
union all select 'moderation.decisions_by_policy[policy=' || (details->>'policyCode') || ']', count(*) from decided group by 1
union all select 'moderation.own_initiative_decisions[action=' || (details->>'action') || ']', count(*) from decided
  where jsonb_array_length(details->'sources') > 0 and not (details->'sources' ? 'user_report') and not (details->'sources' ? 'legal_request') group by 1
union all select 'moderation.suspensions', count(*) from ev where action = 'decision.effective' and details->>'action' = 'suspend_account'
union all select 'moderation.repeat_offender_suspensions', count(*) from ev where action = 'decision.effective'
  and details->>'action' = 'suspend_account' and (details->>'priorStrikes')::int > 0
union all select 'moderation.appeals_received[appellant=' || (details->>'appellant') || ']', count(*) from ev where action = 'appeal.received' group by 1
union all select 'moderation.appeals_decided[outcome=' || (details->>'outcome') || ']', count(*) from ev where action = 'appeal.decided' group by 1
union all select 'moderation.appeal_hours_median',
  round(percentile_cont(0.5) within group (order by round(extract(epoch from occurred_at - (details->>'receivedAt')::timestamptz) / 3600, 2))::numeric, 2)
  from ev where action = 'appeal.decided'
union all select 'moderation.reviewers_active', count(distinct actor_id) from ev where action in ('decision.recorded', 'appeal.decided')
`;
