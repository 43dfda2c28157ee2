/** Mark the names of people from the saved context inside the rendered article (DOM only, no HTML strings). */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Most text nodes walked (a huge saved page must not freeze the reader). */
const MAX_NODES = 20_000;

export function highlightNames(root: Element, names: readonly string[]): number {
  const wanted = [
    ...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 3 && n.length <= 100)),
  ].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return 0;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${wanted.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n && nodes.length < MAX_NODES; n = walker.nextNode()) nodes.push(n as Text);
  let count = 0;
  for (const node of nodes) {
    const value = node.data;
    re.lastIndex = 0;
    if (!re.test(value)) continue;
    re.lastIndex = 0;
    const frag = doc.createDocumentFragment();
    let last = 0;
    for (const m of value.matchAll(re)) {
      const at = m.index ?? 0;
      if (at > last) frag.append(value.slice(last, at));
      const mark = doc.createElement('mark');
      mark.className = 'person';
      mark.textContent = m[0];
      frag.append(mark);
      last = at + m[0].length;
      count++;
    }
    if (last < value.length) frag.append(value.slice(last));
    node.replaceWith(frag);
  }
  return count;
}
