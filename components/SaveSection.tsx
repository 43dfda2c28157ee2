import { useEffect, useState } from 'preact/hooks';
import { ReservedSection } from './ReservedSection';

/** The saved item as the popup shows it. */
export interface SaveView {
  savedAt: string;
  state: 'unread' | 'archived';
  favourite: boolean;
  tags: string[];
  note: string;
}

export interface SaveEdit {
  tags?: string;
  note?: string;
  favourite?: boolean;
  state?: 'unread' | 'archived';
}

export interface SaveSectionProps {
  /** 'checking' while the saved state loads; 'busy' while a save or edit is in flight. */
  status: 'checking' | 'idle' | 'busy';
  saved: SaveView | null;
  /** A calm confirmation ("Saved.", "Changes saved.") or null. */
  message?: string | null;
  error?: string | null;
  onSave: () => void;
  /** Tags arrive as typed ("a, b"); the caller splits them. */
  onEdit: (edit: SaveEdit) => void;
  onRemove: () => void;
  /** Link to the reading list page (href for the browser, callback for the click). */
  listHref: string;
  onOpenList: () => void;
}

const dateOf = (iso: string) => {
  const d = new Date(iso);
  return Number.isFinite(d.getTime())
    ? d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
    : '';
};

function SavedForm({
  saved,
  busy,
  onEdit,
  onRemove,
}: { saved: SaveView; busy: boolean } & Pick<SaveSectionProps, 'onEdit' | 'onRemove'>) {
  const [tags, setTags] = useState(saved.tags.join(', '));
  const [note, setNote] = useState(saved.note);
  useEffect(() => {
    setTags(saved.tags.join(', '));
    setNote(saved.note);
  }, [saved.tags.join('\u0000'), saved.note]);
  return (
    <form
      class="save-form"
      onSubmit={(e) => {
        e.preventDefault();
        onEdit({ tags, note });
      }}
    >
      <label class="save-form__label" for="save-tags">
        Tags <span class="muted">(comma-separated)</span>
      </label>
      <input
        id="save-tags"
        data-testid="save-tags"
        class="input"
        value={tags}
        onInput={(e) => setTags(e.currentTarget.value)}
      />
      <label class="save-form__label" for="save-note">
        Note
      </label>
      <textarea
        id="save-note"
        data-testid="save-note"
        class="input"
        rows={2}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <div class="save-form__row">
        <button type="submit" class="button" data-testid="save-apply" disabled={busy}>
          Save changes
        </button>
        <label class="save-form__check">
          <input
            type="checkbox"
            checked={saved.favourite}
            disabled={busy}
            onChange={(e) => onEdit({ favourite: e.currentTarget.checked })}
          />
          Favourite
        </label>
        <label class="save-form__check">
          <input
            type="checkbox"
            checked={saved.state === 'archived'}
            disabled={busy}
            onChange={(e) => onEdit({ state: e.currentTarget.checked ? 'archived' : 'unread' })}
          />
          Archived
        </label>
        <button
          type="button"
          class="button button--quiet"
          data-testid="save-remove"
          disabled={busy}
          onClick={onRemove}
        >
          Remove
        </button>
      </div>
    </form>
  );
}

/** Save card: save the article (with its context) to the reading list; edit tags and note once saved. */
export function SaveSection(props: SaveSectionProps) {
  const { status, saved, message, error, onSave, listHref, onOpenList } = props;
  const busy = status !== 'idle';
  return (
    <ReservedSection id="save" title="Save" testId="section-save">
      <p class="save-status" data-testid="save-status" data-saved={saved ? 'yes' : 'no'}>
        {status === 'checking'
          ? 'Checking your reading list…'
          : saved
            ? `In your reading list since ${dateOf(saved.savedAt)}.`
            : 'Keep a clean copy of this article, with who published it and who is named, to read offline.'}
      </p>
      <button
        type="button"
        class="button button--primary"
        data-testid="save-button"
        disabled={busy}
        onClick={onSave}
      >
        {saved ? 'Update saved copy' : 'Save to reading list'}
      </button>
      {saved && <SavedForm saved={saved} busy={busy} onEdit={props.onEdit} onRemove={props.onRemove} />}
      <p class="visually-hidden" role="status" aria-live="polite">
        {message ?? ''}
      </p>
      {message && <p class="save-message muted">{message}</p>}
      {error && (
        <p class="save-error" role="alert" data-testid="save-error">
          {error}
        </p>
      )}
      <p class="save-link">
        <a
          href={listHref}
          data-testid="open-reading-list"
          onClick={(e) => {
            e.preventDefault();
            onOpenList();
          }}
        >
          Open reading list
        </a>
      </p>
    </ReservedSection>
  );
}
