import './status-message.css';

/**
 * A polite live region for the outcome of an action ("Created jdoe."). The region is always in
 * the page so screen readers notice when text appears in it.
 */
export function StatusMessage({ message, onDismiss }: { message: string | null; onDismiss: () => void }) {
  return (
    <div role="status" className="status-message-region">
      {message && (
        <div className="status-message">
          <span>{message}</span>
          <button type="button" className="status-message-dismiss" onClick={onDismiss} aria-label="Dismiss message">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
