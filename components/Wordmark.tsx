import logoUrl from '@/assets/logo.svg';

export interface WordmarkProps {
  /** Heading level text size: `small` in the popup header, `large` on the options page. */
  size?: 'small' | 'large';
  /** Optional words after the name ("Options"), set in the muted colour. */
  suffix?: string;
}

/** The Masthead name with its glyph; decorative glyph, the text carries the name. */
export function Wordmark({ size = 'small', suffix }: WordmarkProps) {
  return (
    <span class={`wordmark wordmark--${size}`}>
      <img
        class="wordmark__glyph"
        src={logoUrl}
        alt=""
        width={size === 'small' ? 20 : 28}
        height={size === 'small' ? 20 : 28}
      />
      <span class="wordmark__name">Masthead</span>
      {suffix && <span class="wordmark__suffix">{suffix}</span>}
    </span>
  );
}
