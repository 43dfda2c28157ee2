import { shortControlLabel } from '@/lib/outlets/card';
import type { Facet, ListFilter, SortKey } from '@/lib/reading-list/filter';
import { SORT_LABELS } from '@/lib/reading-list/filter';
import type { ListState } from './state';

const STATES: Array<[NonNullable<ListFilter['state']>, string]> = [
  ['all', 'All'],
  ['unread', 'Unread'],
  ['archived', 'Archived'],
  ['favourite', 'Favourites'],
];

function FacetSelect({
  id,
  label,
  value,
  facets,
  onChange,
  display = (v) => v,
}: {
  id: string;
  label: string;
  value?: string;
  facets: Facet[];
  onChange: (v: string | undefined) => void;
  /** How a value is shown (the stored value stays the option's value). */
  display?: (v: string) => string;
}) {
  return (
    <div class="rl-field">
      <label for={id}>{label}</label>
      <select
        id={id}
        class="input"
        value={value ?? ''}
        onChange={(e) => onChange(e.currentTarget.value || undefined)}
      >
        <option value="">Any{facets.length === 0 ? ' (none known)' : ''}</option>
        {facets.slice(0, 300).map((f) => (
          <option value={f.value} key={f.value}>
            {display(f.value)} ({f.count})
          </option>
        ))}
      </select>
    </div>
  );
}

/** Left column: state, tag, outlet, country, control/funding label, saved-date range, sort. */
export function Filters({ state }: { state: ListState }) {
  const f = state.filter.value;
  const facets = state.facets.value;
  const set = (patch: Partial<ListFilter>) => {
    state.filter.value = { ...f, ...patch };
    state.cursor.value = 0;
  };
  return (
    <form class="rl-filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <fieldset class="rl-states">
        <legend>Show</legend>
        {STATES.map(([value, label]) => (
          <label key={value} class="rl-radio">
            <input
              type="radio"
              name="rl-state"
              value={value}
              checked={(f.state ?? 'all') === value}
              onChange={() => set({ state: value })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <FacetSelect
        id="rl-tag"
        label="Tag"
        value={f.tag}
        facets={facets.tags}
        onChange={(tag) => set({ tag })}
      />
      <FacetSelect
        id="rl-outlet"
        label="Outlet"
        value={f.outlet}
        facets={facets.outlets}
        onChange={(outlet) => set({ outlet })}
      />
      <FacetSelect
        id="rl-country"
        label="Country"
        value={f.country}
        facets={facets.countries}
        onChange={(country) => set({ country })}
      />
      <FacetSelect
        id="rl-label"
        label="Control / funding"
        value={f.label}
        facets={facets.labels}
        display={shortControlLabel}
        onChange={(label) => set({ label })}
      />
      <div class="rl-field rl-field--dates">
        <label for="rl-from">Saved from</label>
        <input
          id="rl-from"
          class="input"
          type="date"
          value={f.from ?? ''}
          onChange={(e) => set({ from: e.currentTarget.value || undefined })}
        />
        <label for="rl-to">to</label>
        <input
          id="rl-to"
          class="input"
          type="date"
          value={f.to ?? ''}
          onChange={(e) => set({ to: e.currentTarget.value || undefined })}
        />
      </div>
      <div class="rl-field">
        <label for="rl-sort">Sort</label>
        <select
          id="rl-sort"
          class="input"
          value={state.sort.value}
          onChange={(e) => (state.sort.value = e.currentTarget.value as SortKey)}
        >
          {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
            <option value={k} key={k}>
              {SORT_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        class="button"
        onClick={() =>
          set({
            state: 'all',
            tag: undefined,
            outlet: undefined,
            country: undefined,
            label: undefined,
            from: undefined,
            to: undefined,
          })
        }
      >
        Clear filters
      </button>
    </form>
  );
}
