import { useEffect, useRef, useState } from 'react';
import { Button as AriaButton, Input, Label, SearchField } from 'react-aria-components';
import { useNavigation, useSearchParams } from 'react-router';
import { Spinner } from '../../ui/Spinner';

const DEBOUNCE_MS = 250;

/**
 * The search box. The query lives in the URL (`?q=`), so results survive a reload and can be
 * shared; typing updates it after a pause, replacing history rather than adding to it.
 */
export function StaffSearch({ q }: { q: string }) {
  const [, setSearchParams] = useSearchParams();
  const [value, setValue] = useState(q);
  const pushed = useRef(q);
  const navigation = useNavigation();
  const searching = navigation.state === 'loading' && navigation.location.pathname === '/staff';

  // Follow the URL when it changes from elsewhere (back button, a link), not from our typing.
  useEffect(() => {
    if (q !== pushed.current) {
      pushed.current = q;
      setValue(q);
    }
  }, [q]);

  useEffect(() => {
    if (value === pushed.current) return;
    const timer = setTimeout(() => {
      pushed.current = value;
      setSearchParams(
        (params) => {
          if (value) params.set('q', value);
          else params.delete('q');
          return params;
        },
        { replace: true },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, setSearchParams]);

  return (
    <div className="staff-search">
      <SearchField value={value} onChange={setValue} className="search-field">
        <Label className="visually-hidden">Search staff</Label>
        <svg className="search-field-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.6" />
        </svg>
        <Input className="field-input search-field-input" placeholder="Search username or name" />
        <AriaButton className="search-field-clear" aria-label="Clear search">
          ×
        </AriaButton>
      </SearchField>
      <span className="staff-search-status" role="status">
        {searching && (
          <>
            <Spinner /> Searching…
          </>
        )}
      </span>
    </div>
  );
}
