import { useEffect, useRef } from 'preact/hooks';

export interface DeleteAllDataProps {
  /** `idle`: the first button; `confirming`: the confirmation; `busy`: deleting. */
  phase: 'idle' | 'confirming' | 'busy';
  /** Result line after a delete or a cancel (rendered as text in a live region). */
  feedback: { tone: 'ok' | 'error'; text: string } | null;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}

/**
 * "Delete all Masthead data": a button that opens an inline confirmation (role="alertdialog").
 * Keyboard: the confirmation takes focus on its Cancel button (the safe choice), Escape cancels, and
 * focus returns to the first button afterwards.
 */
export function DeleteAllData({ phase, feedback, onAsk, onCancel, onConfirm }: DeleteAllDataProps) {
  const askRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const previous = useRef(phase);

  useEffect(() => {
    if (phase === 'confirming') cancelRef.current?.focus();
    else if (phase === 'idle' && previous.current !== 'idle') askRef.current?.focus();
    previous.current = phase;
  }, [phase]);

  return (
    <div class="delete-all">
      {phase === 'idle' ? (
        <button
          ref={askRef}
          type="button"
          class="button button--danger"
          data-testid="delete-all"
          onClick={onAsk}
        >
          Delete all Masthead data…
        </button>
      ) : (
        <div
          class="delete-all__confirm"
          role="alertdialog"
          aria-modal="false"
          aria-labelledby="delete-all-title"
          aria-describedby="delete-all-desc"
          data-testid="delete-all-confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && phase === 'confirming') {
              e.preventDefault();
              onCancel();
            }
          }}
        >
          <p class="delete-all__title" id="delete-all-title">
            Delete all Masthead data?
          </p>
          <p id="delete-all-desc">
            This permanently deletes your history of opened articles, your reading list, highlights, feeds,
            related-coverage items, cached look-ups and your settings. It cannot be undone.
          </p>
          <div class="delete-all__actions">
            <button
              type="button"
              class="button button--danger"
              data-testid="delete-all-yes"
              disabled={phase === 'busy'}
              aria-busy={phase === 'busy'}
              onClick={onConfirm}
            >
              {phase === 'busy' ? 'Deleting…' : 'Yes, delete everything'}
            </button>
            <button
              ref={cancelRef}
              type="button"
              class="button"
              data-testid="delete-all-cancel"
              disabled={phase === 'busy'}
              onClick={onCancel}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      <p
        class={`message ${feedback ? `message--${feedback.tone}` : ''}`}
        role="status"
        aria-live="polite"
        data-testid="delete-all-feedback"
      >
        {feedback?.text}
      </p>
    </div>
  );
}
