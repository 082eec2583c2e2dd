import type { SessionInfo } from '@docket/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { setCsrfTokenSource } from './api/client';
import { createQueryClient } from './app/query-client';
import { createRouter } from './app/router';
import { authKeys } from './features/auth/keys';
import { createSessionEndedHandler } from './features/auth/session-ended';
import './styles/tokens.css';
import './styles/base.css';
import './ui/page.css';

// The query client reports API failures to the session-ended handler, which needs the router,
// which needs the query client for its loaders: the handler reaches the router lazily.
const queryClient = createQueryClient((error) => void onApiError(error));
const router = createRouter(queryClient);
const onApiError = createSessionEndedHandler(queryClient, () => router);

setCsrfTokenSource(() => queryClient.getQueryData<SessionInfo>(authKeys.session())?.csrfToken);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
