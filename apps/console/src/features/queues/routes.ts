import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { permissionLoader } from '../auth/require-session';
import { QueuesPage } from './QueuesPage';

export function queuesRoutes(queryClient: QueryClient): RouteObject[] {
  return [{ path: 'queues', loader: permissionLoader(queryClient, 'read:queue'), Component: QueuesPage }];
}
