export interface NewsHostListProps {
  /** Registrable domains where Masthead runs automatically (sub-domains included). */
  hosts: readonly string[];
}

/** The built-in news-site list, collapsed by default in a native `<details>`. */
export function NewsHostList({ hosts }: NewsHostListProps) {
  const sorted = [...hosts].sort((a, b) => a.localeCompare(b));
  return (
    <details class="hosts">
      <summary>Known news sites ({hosts.length})</summary>
      <ul class="hosts__list">
        {sorted.map((h) => (
          <li key={h}>{h}</li>
        ))}
      </ul>
    </details>
  );
}
