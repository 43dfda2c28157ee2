/**
 * The text of an article root as highlights see it, with a map back to the DOM — pure over a
 * Document/Node (happy-dom, jsdom and browsers), and it never mutates the page.
 *
 * Text rules (same spirit as lib/article/article-text.ts): block elements are separated by a blank
 * line ("\n\n"), whitespace runs collapse to one space, paragraph ends are trimmed, and script,
 * style, form controls, media and hidden subtrees (`hidden`, inline `display:none`, or the
 * caller's `isHidden`, e.g. a layout check in a content script) contribute nothing.
 *
 * `rangeFromOffsets` turns [start, end) of that text into a DOM Range (for CSS Custom Highlight API
 * painting or a `<mark>` in our own reader page); `offsetsFromRange` turns a user's selection back
 * into offsets for describe().
 */
export { textFragmentLink } from './text-fragment';

const BLOCK_TAGS =
  'address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul br';
const SKIP_TAGS =
  'script style noscript template svg math button select textarea input iframe object embed video audio canvas head';
const BLOCKS = new Set(BLOCK_TAGS.split(' '));
const SKIPPED = new Set(SKIP_TAGS.split(' '));
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export interface DomTextOptions {
  /** Extra "not rendered" test (e.g. `el => !el.checkVisibility()` in a browser). */
  isHidden?: (el: Element) => boolean;
}

export interface DomTextMap {
  root: Element;
  text: string;
  /** Text nodes in document order that were read. */
  nodes: Text[];
  /** Per text character: index into `nodes`, or -1 for a paragraph separator we added. */
  charNode: Int32Array;
  /** Per text character: offset inside its node (-1 for separators). */
  charOffset: Int32Array;
  /** Text offset where each node's characters begin to be emitted. */
  nodeStart: Int32Array;
  nodeIndex: Map<Node, number>;
}

function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x3000
  );
}

function isInvisibleCode(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

function skipElement(el: Element, options: DomTextOptions): boolean {
  if (SKIPPED.has(el.localName) || el.hasAttribute('hidden')) return true;
  const style = (el as Partial<HTMLElement>).style;
  if (style && style.display === 'none') return true;
  return options.isHidden ? options.isHidden(el) : false;
}

const EXIT = Symbol('exit');

/** Read `root`'s text and build the offset map. Iterative: deep nesting cannot overflow the stack. */
export function buildTextMap(root: Element, options: DomTextOptions = {}): DomTextMap {
  const out: string[] = [];
  const charNode: number[] = [];
  const charOffset: number[] = [];
  const nodes: Text[] = [];
  const nodeStart: number[] = [];
  let pendingBreak = false;
  let space: [number, number] | null = null; // source of a pending collapsed space
  const emit = (ch: string, node: number, offset: number) => {
    out.push(ch);
    charNode.push(node);
    charOffset.push(offset);
  };
  const stack: (Node | typeof EXIT)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === EXIT) {
      pendingBreak = true;
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      const k = nodes.length;
      nodes.push(node as Text);
      nodeStart.push(out.length);
      const value = node.nodeValue ?? '';
      for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (isInvisibleCode(c)) continue;
        if (isSpaceCode(c)) {
          space ??= [k, i];
          continue;
        }
        if (out.length > 0) {
          if (pendingBreak) {
            emit('\n', -1, -1);
            emit('\n', -1, -1);
          } else if (space) emit(' ', space[0], space[1]);
        }
        pendingBreak = false;
        space = null;
        emit(value[i]!, k, i);
      }
    } else if (node.nodeType === ELEMENT_NODE || node === root) {
      const el = node as Element;
      if (node !== root && skipElement(el, options)) continue;
      if (BLOCKS.has(el.localName)) {
        pendingBreak = true;
        stack.push(EXIT);
      }
      for (let child = el.lastChild; child; child = child.previousSibling) stack.push(child);
    }
  }
  const nodeIndex = new Map<Node, number>();
  nodes.forEach((n, i) => nodeIndex.set(n, i));
  return {
    root,
    text: out.join(''),
    nodes,
    charNode: Int32Array.from(charNode),
    charOffset: Int32Array.from(charOffset),
    nodeStart: Int32Array.from(nodeStart),
    nodeIndex,
  };
}

/** A DOM Range over text [start, end) (offsets clamped), or null when it covers no page text. */
export function rangeFromOffsets(map: DomTextMap, start: number, end: number): Range | null {
  const len = map.text.length;
  const s = Math.max(0, Math.min(len, Math.trunc(start) || 0));
  const e = Math.max(s, Math.min(len, Math.trunc(end) || 0));
  let i = s;
  while (i < e && map.charNode[i]! < 0) i++;
  let j = e - 1;
  while (j >= i && map.charNode[j]! < 0) j--;
  if (i > j) return null;
  const range = map.root.ownerDocument.createRange();
  range.setStart(map.nodes[map.charNode[i]!]!, map.charOffset[i]!);
  range.setEnd(map.nodes[map.charNode[j]!]!, map.charOffset[j]! + 1);
  return range;
}

/** Next node in document order after `node`'s subtree, staying inside `root`. */
function following(node: Node, root: Node): Node | null {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

/** Index of the first mapped text node at or after a boundary point (nodes.length when none). */
function nodeAtOrAfter(map: DomTextMap, container: Node, offset: number): number {
  let n: Node | null;
  if (container.nodeType === TEXT_NODE || !container.firstChild) n = following(container, map.root);
  else n = container.childNodes[offset] ?? following(container, map.root);
  while (n) {
    const k = map.nodeIndex.get(n);
    if (k !== undefined) return k;
    n = n.firstChild ?? following(n, map.root);
  }
  return map.nodes.length;
}

/** Text offset of a DOM boundary point: the first text character at or after it. */
export function offsetOfBoundary(map: DomTextMap, container: Node, offset: number): number {
  const len = map.text.length;
  let k = map.nodeIndex.get(container);
  let within = offset;
  if (k === undefined) {
    if (!map.root.contains(container)) {
      // Outside the root: before it → 0, after it → end.
      const pos = map.root.compareDocumentPosition(container);
      return pos & 2 /* PRECEDING */ ? 0 : len;
    }
    k = nodeAtOrAfter(map, container, offset);
    within = 0;
  }
  if (k >= map.nodes.length) return len;
  let i = map.nodeStart[k]!;
  while (
    i < len &&
    (map.charNode[i]! < 0 || map.charNode[i]! < k || (map.charNode[i] === k && map.charOffset[i]! < within))
  )
    i++;
  return i;
}

/** Text offsets [start, end) of a DOM range (e.g. the user's selection); null when empty. */
export function offsetsFromRange(
  map: DomTextMap,
  range: AbstractRange,
): { start: number; end: number } | null {
  const start = offsetOfBoundary(map, range.startContainer, range.startOffset);
  let end = offsetOfBoundary(map, range.endContainer, range.endOffset);
  while (end > start && map.charNode[end - 1]! < 0) end--;
  return end > start ? { start, end } : null;
}
