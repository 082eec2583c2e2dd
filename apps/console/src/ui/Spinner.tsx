import './spinner.css';

/** A small busy indicator; pair it with text or a live region, it says nothing itself. */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}
