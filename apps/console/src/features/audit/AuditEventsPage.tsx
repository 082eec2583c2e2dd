import { useSearchParams } from 'react-router';
import { isApiError, networkError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Panel } from '../../ui/PageHeader';
import { AuditEventTable } from './AuditEventTable';
import { AuditFilterForm } from './AuditFilterForm';
import { useAuditEvents } from './audit-events-query';
import { filtersFromParams, filtersToParams, hasFilters } from './audit-filters';

/** `/audit`: search the log. Filters live in the URL; pages load newest first. */
export function AuditEventsPage() {
  const [params] = useSearchParams();
  const filters = filtersFromParams(params);
  const list = useAuditEvents(filters);
  const items = list.data.pages.flatMap((page) => page.items);
  const loadMoreError = list.isFetchNextPageError ? (isApiError(list.error) ? list.error : networkError()) : null;

  return (
    <>
      {/* Re-mounted when the URL's filters change (back button, a link), so the form shows them. */}
      <AuditFilterForm key={filtersToParams(filters).toString()} filters={filters} />
      <div className="audit-toolbar" role="status">
        {items.length.toLocaleString()} {items.length === 1 ? 'event' : 'events'}
        {list.hasNextPage ? ' shown, more available' : ''}
      </div>
      <Panel>
        <AuditEventTable items={items} filtered={hasFilters(filters)} />
      </Panel>
      {loadMoreError && <ErrorAlert error={loadMoreError} title="Could not load more events" />}
      {list.hasNextPage && (
        <div className="audit-more">
          <Button onPress={() => list.fetchNextPage()} isPending={list.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      )}
    </>
  );
}
