export interface PopupFooterProps {
  /** Link target shown to the browser (`/options.html`), so the link works without script too. */
  optionsHref: string;
  /** Called when the reader activates "Options"; the default navigation is prevented. */
  onOpenOptions: () => void;
}

/** Footer: the Options link and the privacy promise in one line. */
export function PopupFooter({ optionsHref, onOpenOptions }: PopupFooterProps) {
  return (
    <footer class="footer">
      <p class="footer__privacy">
        <svg class="footer__lock" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
          <path
            fill="currentColor"
            d="M8 1a3.5 3.5 0 0 0-3.5 3.5V6H4a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V7a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 5H6V4.5a2 2 0 1 1 4 0V6Z"
          />
        </svg>
        Private by default: nothing leaves your browser.
      </p>
      <a
        class="footer__link"
        href={optionsHref}
        onClick={(e) => {
          e.preventDefault();
          onOpenOptions();
        }}
      >
        Options
      </a>
    </footer>
  );
}
