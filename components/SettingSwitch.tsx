export interface SettingSwitchProps {
  /** Unique id stem for the input and its description. */
  id: string;
  /** The switch's accessible name ("Run automatically on all sites"). */
  label: string;
  /** Longer explanation under the label; linked with `aria-describedby`. */
  description?: string;
  /** Current state; `null` while it is still being read (switch shown disabled and off). */
  checked: boolean | null;
  /** Disable the switch (while a change is in flight). */
  busy?: boolean;
  /** Called with the wanted state when the reader toggles the switch (a user gesture). */
  onChange: (checked: boolean) => void;
}

/** An on/off setting: a native checkbox with `role="switch"`, so keyboard and AT work for free. */
export function SettingSwitch({
  id,
  label,
  description,
  checked,
  busy = false,
  onChange,
}: SettingSwitchProps) {
  const descId = description ? `${id}-desc` : undefined;
  return (
    <div class="setting">
      <label class="setting__row" for={id}>
        <span class="setting__label">{label}</span>
        <input
          id={id}
          class="switch"
          type="checkbox"
          role="switch"
          checked={checked === true}
          disabled={busy || checked === null}
          aria-describedby={descId}
          aria-busy={busy || checked === null}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
      </label>
      {description && (
        <p class="setting__desc" id={descId}>
          {description}
        </p>
      )}
    </div>
  );
}
