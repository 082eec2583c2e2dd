import { AUDIT_KEYS_FORMAT, AuditKeys, AuditStatus } from '@docket/contracts';
import { defineRoute, featureRouter, jsonResponse } from '../http/route';
import { publishedKeys } from './signing-keys';
import { auditStatus } from './status';

export const auditRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/keys',
      permission: 'public',
      audit: 'none',
      tags: ['audit'],
      summary: 'The public keys that sign audit checkpoints, for outside verifiers to pin',
      responses: {
        200: jsonResponse(AuditKeys, 'Every key that ever signed, current and retired (the `keys.json` of a bundle).'),
      },
    }),
    async (c) => {
      const keys = await publishedKeys(c.get('deps').db);
      return c.json(
        {
          format: AUDIT_KEYS_FORMAT,
          keys: keys.map((key) => ({ ...key, publicKey: key.publicKey.toString('base64') })),
        } as const,
        200,
      );
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/status',
      permission: 'read:audit',
      audit: 'none',
      tags: ['audit'],
      summary: 'How far the audit chain is sealed, signed and verified; events pending seal',
      responses: { 200: jsonResponse(AuditStatus, 'The chain as this API process sees it.') },
    }),
    async (c) => c.json(await auditStatus(c.get('deps').db), 200),
  );
