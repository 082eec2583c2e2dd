import { z } from 'zod';
import { ERROR_CODES } from './vocabulary';

export const Problem = z
  .object({
    type: z.string().meta({ example: '/problems/invalid' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(ERROR_CODES),
    requestId: z.string(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'For `invalid`: one entry per offending field (dotted path).' }),
    retryAfterSeconds: z.number().int().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;
