import type { Category } from '@docket/contracts';

/** The fields of a queue an admin edits (QueueBody in the contracts); `id` only when creating. */
export interface QueueInput {
  id?: string;
  name: string;
  categories: Category[];
  slaMinutes: number;
  position: number;
}
