import type { ComponentChildren } from 'preact';

export interface StatusMessageProps {
  /** `info` for a calm explanation, `error` for a failure (adds an alert-coloured rule). */
  tone: 'info' | 'error';
  /** Short bold heading ("Nothing to show here", "Something went wrong"). */
  title: string;
  /** The message itself; rendered as text. Omit when the title says it all. */
  message?: string;
  /** Value of `data-testid` on the message paragraph (e2e handle). */
  testId?: string;
  /** Extra line under the message (a hint on what to do next). */
  hint?: string;
  /** When set, a Retry button is shown and calls this. */
  onRetry?: () => void;
  /** Anything else to show below (rarely needed). */
  children?: ComponentChildren;
}

/** A panel for states without a report: not analysed, not an article, error (with Retry). */
export function StatusMessage({ tone, title, message, testId, hint, onRetry, children }: StatusMessageProps) {
  return (
    <div class={`status status--${tone}`}>
      <h1 class="status__title">{title}</h1>
      {message && (
        <p class="status__message" data-testid={testId}>
          {message}
        </p>
      )}
      {hint && <p class="status__hint">{hint}</p>}
      {onRetry && (
        <button type="button" class="button button--primary" onClick={onRetry}>
          Retry
        </button>
      )}
      {children}
    </div>
  );
}
