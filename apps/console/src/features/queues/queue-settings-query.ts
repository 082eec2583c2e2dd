import type { QueueSettingsList } from '@docket/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queueKeys } from './keys';

export function fetchQueueSettings(signal?: AbortSignal): Promise<QueueSettingsList> {
  return api.get<QueueSettingsList>('/api/queues/settings', { signal });
}

/** The queues' configuration for admins: no counts, so no polling. */
export const queueSettingsQuery = () =>
  queryOptions({
    queryKey: queueKeys.settings(),
    meta: { permission: 'manage:queue' },
    queryFn: ({ signal }) => fetchQueueSettings(signal),
  });
