import { ReservedSection } from './ReservedSection';

/** Save card: the button is visible but disabled, and says why, until the reading list ships. */
export function SaveSection() {
  return (
    <ReservedSection id="save" title="Save" testId="section-save">
      <button type="button" class="button" disabled aria-describedby="save-note">
        Save to reading list
      </button>
      <p class="empty" id="save-note">
        Saving arrives with the reading list.
      </p>
    </ReservedSection>
  );
}
