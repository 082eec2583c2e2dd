/**
 * Producing a disclosure (ADR 032): inside the officer's live legal grant, the order's summary,
 * the targets' subscriber data, metadata and — where the order reaches it — content are assembled
 * into a signed package (`@docket/audit-chain`'s disclosure format). Each item disclosed is an
 * audit event naming its message ids, never content; `legal.produced` records the manifest's
 * SHA-256, which is how an auditor or a court proves offline what was handed over.
 */

import { type DisclosureFile, writeDisclosure } from '@docket/audit-chain/node';
import { instrumentReaches, type LegalInstrument, type LegalRead } from '@docket/contracts';
import { sql } from 'kysely';
import type { ActionContext } from '../actions/context';
import type { AuditSigner } from '../audit/signing-keys';
import type { Keyring } from '../encryption/keyring';
import { AppError } from '../http/problem';
import { endLegalGrants } from './grants';
import { readForProduction } from './read';
import { lockLegalRequest } from './requests';

const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

export async function produceDisclosure(
  ctx: ActionContext,
  keyring: Keyring,
  signer: AuditSigner,
  id: string,
  officerId: string,
): Promise<{ zip: Uint8Array; manifestSha256: string }> {
  const { trx } = ctx;
  const row = await lockLegalRequest(ctx, id);
  const producible =
    row.status === 'accepted' ||
    row.status === 'narrowed' ||
    (row.emergency && ['received', 'acknowledged', 'under_review'].includes(row.status));
  if (!producible)
    throw new AppError('conflict', `This request is ${row.status.replace('_', ' ')}: nothing to produce.`);
  const instrument = row.instrument as LegalInstrument;
  const targets = await trx
    .selectFrom('legal_target')
    .selectAll()
    .where('request_id', '=', id)
    .orderBy('account_id')
    .execute();

  const reads: Partial<Record<'metadata' | 'content', LegalRead>> = {};
  for (const category of ['metadata', 'content'] as const) {
    if (!targets.some((target) => target.scope_categories?.includes(category))) continue;
    if (!instrumentReaches(instrument, category)) continue;
    const read = await readForProduction(trx, keyring, id, officerId, category);
    if (read instanceof AppError) throw read;
    reads[category] = read;
  }
  const subscriberIds = instrumentReaches(instrument, 'subscriber')
    ? targets.filter((target) => target.scope_categories?.includes('subscriber')).map((target) => target.account_id)
    : [];
  if (!reads.metadata && !reads.content && subscriberIds.length > 0) {
    // Subscriber data alone still needs the live grant: the read above proves it for the others.
    const live = await readForProduction(trx, keyring, id, officerId, 'metadata');
    if (live instanceof AppError && live.code === 'access_required') throw live;
  }
  const subscribers = subscriberIds.length
    ? await trx
        .selectFrom('platform_account')
        .select(['id', 'handle', 'age_band', 'platform_created_at'])
        .where('id', 'in', subscriberIds)
        .orderBy('id')
        .execute()
    : [];

  const { produced_at } = await trx
    .selectFrom('legal_request')
    .select(sql<Date>`now()`.as('produced_at'))
    .executeTakeFirstOrThrow();
  const files: DisclosureFile[] = [
    {
      path: 'order.json',
      category: 'order',
      accountId: null,
      messages: 0,
      data: json({
        legalRequestId: id,
        reference: row.reference,
        authority: { name: row.authority_name, type: row.authority_type, country: row.authority_country },
        instrument,
        legalBasis: row.legal_basis,
        offenceCategory: row.offence_category,
        receivedAt: row.received_at.toISOString(),
        orderDocumentSha256: row.document_sha256,
        emergency: row.emergency,
        scope: targets.map((target) => ({
          accountId: target.account_id,
          from: target.scope_from?.toISOString() ?? null,
          until: target.scope_until?.toISOString() ?? null,
          categories: target.scope_categories ?? [],
        })),
      }),
    },
  ];
  if (subscribers.length) {
    files.push({
      path: 'subscriber.json',
      category: 'subscriber',
      accountId: null,
      messages: 0,
      data: json(
        subscribers.map((account) => ({
          accountId: account.id,
          handle: account.handle,
          ageBand: account.age_band,
          createdAt: account.platform_created_at?.toISOString() ?? null,
        })),
      ),
    });
  }
  for (const category of ['metadata', 'content'] as const) {
    const read = reads[category];
    if (!read) continue;
    files.push({
      path: `${category}.json`,
      category,
      accountId: null,
      messages: read.messages.length,
      data: json(read.messages),
    });
  }

  const written = await writeDisclosure({
    legalRequestId: id,
    producedAt: produced_at.toISOString(),
    files,
    signer: { keyId: signer.key.keyId, sign: (message) => signer.sign(message) },
  });
  await trx
    .updateTable('legal_request')
    .set({
      status: 'produced',
      produced_by: officerId,
      produced_at,
      manifest_sha256: written.manifestSha256,
    })
    .where('id', '=', id)
    .execute();
  await ctx.emit({
    action: 'legal.produced',
    target: { type: 'legal_request', id },
    details: {
      manifestSha256: written.manifestSha256,
      keyId: signer.key.keyId,
      items: written.manifest.items.map(({ path, sha256, category, messages }) => ({
        path,
        sha256,
        category,
        messages,
      })),
    },
  });
  for (const item of written.manifest.items) {
    if (item.category === 'order') continue;
    const read = item.category === 'subscriber' ? undefined : reads[item.category];
    await ctx.emit({
      action: 'legal.item_disclosed',
      target: { type: 'legal_request', id },
      details: {
        path: item.path,
        sha256: item.sha256,
        category: item.category,
        ...(item.category === 'subscriber'
          ? { accountIds: subscribers.map((account) => account.id) }
          : { messageRefs: (read?.messages ?? []).map((message) => [message.conversationId, message.id]) }),
      },
    });
  }
  await endLegalGrants(ctx, id, 'produced');
  return { zip: written.zip, manifestSha256: written.manifestSha256 };
}
