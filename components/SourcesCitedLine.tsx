import type { SourceCitedKind } from '@/lib/people/types';
import type { SourceCitedReport } from '@/lib/types';

const KIND_LABEL: Record<SourceCitedKind, string> = {
  quoted: 'quoted',
  photo: 'photos',
  reported: 'reported',
  'according-to': 'according to',
  told: 'told',
};

/** One entry per source name, its kinds in the order the article first uses them. */
export function groupSources(sources: readonly SourceCitedReport[]): { name: string; kinds: string[] }[] {
  const byName = new Map<string, { name: string; kinds: string[]; at: number }>();
  for (const s of [...sources].sort((a, b) => a.start - b.start)) {
    const entry = byName.get(s.name) ?? { name: s.name, kinds: [], at: s.start };
    const label = KIND_LABEL[s.kind] ?? s.kind;
    if (!entry.kinds.includes(label)) entry.kinds.push(label);
    byName.set(s.name, entry);
  }
  // Quoted / reported sources first: they carry the article's facts; photo credits after.
  const weight = (e: { kinds: string[] }) => (e.kinds.every((k) => k === 'photos') ? 1 : 0);
  return [...byName.values()]
    .sort((a, b) => weight(a) - weight(b) || a.at - b.at)
    .map(({ name, kinds }) => ({ name, kinds }));
}

/** "Sources cited: Kyodo News — quoted; AFP — photos" (or says that the article cites none). */
export function SourcesCitedLine({ sources }: { sources: readonly SourceCitedReport[] }) {
  const groups = groupSources(sources);
  return (
    <p class="sources-cited" data-testid="sources-cited">
      <span class="sources-cited__label">Sources cited: </span>
      {groups.length === 0
        ? 'none named'
        : groups.map((g, i) => (
            <span key={g.name} data-testid="source-cited">
              {i > 0 && '; '}
              <span class="sources-cited__name">{g.name}</span> — {g.kinds.join(', ')}
            </span>
          ))}
    </p>
  );
}
