import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { permissionLoader } from '../auth/require-session';
import { AccessRequestsPage } from './AccessRequestsPage';

export function accessRoutes(queryClient: QueryClient): RouteObject[] {
  return [{ path: 'access', loader: permissionLoader(queryClient, 'approve:access'), Component: AccessRequestsPage }];
}
