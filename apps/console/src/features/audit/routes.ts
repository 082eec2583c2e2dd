import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { permissionLoader } from '../auth/require-session';
import { AuditPage } from './AuditPage';

export function auditRoutes(queryClient: QueryClient): RouteObject[] {
  return [{ path: 'audit', loader: permissionLoader(queryClient, 'read:audit'), Component: AuditPage }];
}
