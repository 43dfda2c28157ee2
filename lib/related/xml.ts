/**
 * A small, tolerant XML reader for feeds (issue: related coverage). Runs where `DOMParser` does not
 * (MV3 service worker, Node). One linear pass; never throws.
 *
 * Safety by design:
 * - No DTD processing: `<!DOCTYPE …>` (with an internal subset) is skipped and reported, so declared
 *   entities are never expanded (billion laughs, external entities). Only the five XML entities and
 *   numeric character references are decoded; any other `&name;` is kept literally.
 * - Bounded: at most `maxNodes` elements and `maxDepth` levels (deeper elements are flattened into
 *   their ancestor at the limit); every text is capped at `maxText` characters.
 * - Tolerant: unclosed tags close at their parent's end tag or at the end of input; stray end tags
 *   are ignored; a `<` that does not start markup is text.
 */

export interface XmlElement {
  /** Qualified name as written ("dc:creator"). */
  name: string;
  /** Local part ("creator"). */
  local: string;
  /** Namespace URI resolved from in-scope `xmlns` declarations; '' when none. */
  ns: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element (CDATA included), capped. */
  text: string;
  /** Text pieces and child elements in document order (for mixed content such as Atom xhtml). */
  nodes: (string | XmlElement)[];
}

export interface XmlLimits {
  maxNodes: number;
  maxDepth: number;
  maxText: number;
  /**
   * Text-only elements (qualified names): when one of them is open and another of them starts,
   * the open one is closed first — so an unclosed `<title>` does not swallow the item's `<link>`.
   */
  leaves: ReadonlySet<string>;
}

export interface XmlDocument {
  root: XmlElement | null;
  errors: string[];
}

export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxNodes: 200_000,
  maxDepth: 48,
  maxText: 200_000,
  leaves: new Set(),
};

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Code point → string, or U+FFFD for invalid/forbidden code points (NUL, surrogates, > U+10FFFF). */
export function codePointText(cp: number): string {
  if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(cp);
}

/**
 * Decode `&lt;`-style references: the five XML entities, `&#NN;` and `&#xHH;`, plus `extra` names
 * (a fixed table, never anything declared by the input). Unknown names stay as written.
 */
export function decodeEntities(s: string, extra?: Readonly<Record<string, string>>): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (m, ref: string) => {
    if (ref[0] === '#') {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      return codePointText(parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10));
    }
    return XML_ENTITIES[ref] ?? extra?.[ref] ?? m;
  });
}

const NAME = /[A-Za-z_:\u00C0-\uFFFF][A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]*/y;

interface Frame {
  el: XmlElement;
  /** Prefix → URI declared on this element. */
  nsDecl: Map<string, string> | null;
  textLen: number;
}

class TreeBuilder {
  readonly errors: string[] = [];
  root: XmlElement | null = null;
  private readonly stack: Frame[] = [];
  private nodes = 0;
  private overflowDepth = 0;
  private stopped = false;

  constructor(private readonly limits: XmlLimits) {}

  error(msg: string): void {
    if (this.errors.length < 50 && !this.errors.includes(msg)) this.errors.push(msg);
  }

  get done(): boolean {
    return this.stopped;
  }

  private lookupNs(prefix: string, decl: Map<string, string> | null): string {
    if (decl?.has(prefix)) return decl.get(prefix)!;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const d = this.stack[i]!.nsDecl;
      if (d?.has(prefix)) return d.get(prefix)!;
    }
    return '';
  }

  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void {
    if (this.stopped) return;
    if (this.stack.length >= this.limits.maxDepth) {
      // Too deep: treat the element as transparent (its text goes to the ancestor at the limit).
      if (!selfClosing) this.overflowDepth++;
      this.error(`Elements nested deeper than ${this.limits.maxDepth} levels were flattened.`);
      return;
    }
    if (++this.nodes > this.limits.maxNodes) {
      this.error(`More than ${this.limits.maxNodes} XML elements; the rest was ignored.`);
      this.stopped = true;
      return;
    }
    const leaves = this.limits.leaves;
    while (
      leaves.has(name) &&
      this.stack.length > 1 &&
      leaves.has(this.stack[this.stack.length - 1]!.el.name)
    ) {
      this.error(`Unclosed <${this.stack[this.stack.length - 1]!.el.name}> closed.`);
      this.stack.pop();
    }
    let nsDecl: Map<string, string> | null = null;
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'xmlns' || k.startsWith('xmlns:'))
        (nsDecl ??= new Map()).set(k === 'xmlns' ? '' : k.slice(6), v);
    }
    const colon = name.indexOf(':');
    const prefix = colon > 0 ? name.slice(0, colon) : '';
    const el: XmlElement = {
      name,
      local: colon > 0 ? name.slice(colon + 1) : name,
      ns: this.lookupNs(prefix, nsDecl),
      attrs,
      children: [],
      text: '',
      nodes: [],
    };
    const parent = this.stack[this.stack.length - 1];
    if (parent) {
      parent.el.children.push(el);
      parent.el.nodes.push(el);
    } else if (!this.root) this.root = el;
    else {
      this.error('More than one root element; only the first was read.');
      this.stopped = true;
      return;
    }
    if (!selfClosing) this.stack.push({ el, nsDecl, textLen: 0 });
  }

  close(name: string): void {
    if (this.stopped) return;
    if (this.overflowDepth > 0) {
      this.overflowDepth--;
      return;
    }
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i]!.el.name === name) {
        if (i < this.stack.length - 1) this.error(`Unclosed element(s) inside <${name}> were closed.`);
        this.stack.length = i;
        if (i === 0) this.stopped = true; // root closed: trailing content is ignored
        return;
      }
    }
    this.error(`Stray end tag </${name.slice(0, 40)}> ignored.`);
  }

  text(raw: string, isCdata: boolean): void {
    if (this.stopped) return;
    const frame = this.stack[this.stack.length - 1];
    if (!frame) {
      if (raw.trim()) this.error('Text outside the root element was ignored.');
      return;
    }
    const room = this.limits.maxText - frame.textLen;
    if (room <= 0) return;
    const slice = raw.length > room ? raw.slice(0, room) : raw;
    const t = isCdata ? slice : decodeEntities(slice);
    frame.el.text += t;
    frame.el.nodes.push(t);
    frame.textLen += slice.length;
    if (raw.length > room) this.error(`A text longer than ${this.limits.maxText} characters was cut.`);
  }

  finish(): void {
    if (!this.stopped && this.stack.length > 0) {
      this.error(`Input ended with ${this.stack.length} unclosed element(s).`);
    }
    this.stack.length = 0;
  }
}

/** Parse attributes of a start tag body (between the name and `>`); tolerant of unquoted values. */
function parseAttrs(src: string, b: TreeBuilder): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  let i = 0;
  let count = 0;
  const n = src.length;
  while (i < n) {
    while (i < n && /\s/.test(src[i]!)) i++;
    const start = i;
    while (i < n && !/[\s=]/.test(src[i]!)) i++;
    const key = src.slice(start, i);
    if (!key) {
      i++;
      continue;
    }
    while (i < n && /\s/.test(src[i]!)) i++;
    let value = '';
    if (src[i] === '=') {
      i++;
      while (i < n && /\s/.test(src[i]!)) i++;
      const q = src[i];
      if (q === '"' || q === "'") {
        const end = src.indexOf(q, i + 1);
        value = src.slice(i + 1, end < 0 ? n : end);
        i = end < 0 ? n : end + 1;
      } else {
        const s = i;
        while (i < n && !/\s/.test(src[i]!)) i++;
        value = src.slice(s, i);
      }
    }
    if (++count > 64) {
      b.error('An element with more than 64 attributes was cut.');
      break;
    }
    if (!(key in attrs)) attrs[key] = decodeEntities(value.length > 4096 ? value.slice(0, 4096) : value);
  }
  return attrs;
}

/**
 * Index of the `>` ending markup that starts before `from`, skipping quoted strings; -1 at the end
 * of input. A start tag (`doctype` false) also ends just before a `<` outside quotes (the tag was
 * never closed); a DOCTYPE (`doctype` true) skips its internal subset `[ … ]` instead.
 */
function markupEnd(src: string, from: number, doctype: boolean): number {
  if (!doctype) {
    const gt = src.indexOf('>', from);
    if (gt >= 0 && !/["'<]/.test(src.slice(from, gt))) return gt; // the common case: no quotes inside
  }
  let quote = '';
  let bracket = false;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (doctype && (c === '[' || c === ']')) bracket = c === '[';
    else if (c === '>' && !bracket) return i;
    else if (c === '<' && !doctype) return i - 1;
  }
  return -1;
}

/** Parse XML text into an element tree. Linear in the input; never throws. */
export function parseXml(src: string, limits: Partial<XmlLimits> = {}): XmlDocument {
  const b = new TreeBuilder({ ...DEFAULT_XML_LIMITS, ...limits });
  const n = src.length;
  let i = 0;
  while (i < n && !b.done) {
    const lt = src.indexOf('<', i);
    if (lt < 0) {
      b.text(src.slice(i), false);
      break;
    }
    if (lt > i) b.text(src.slice(i, lt), false);
    i = lt;
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
    } else if (src.startsWith('<![CDATA[', i)) {
      const end = src.indexOf(']]>', i + 9);
      b.text(src.slice(i + 9, end < 0 ? n : end), true);
      if (end < 0) b.error('Unterminated CDATA section.');
      i = end < 0 ? n : end + 3;
    } else if (src.startsWith('<?', i)) {
      const end = src.indexOf('?>', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (src.startsWith('<!', i)) {
      if (/^<!DOCTYPE/i.test(src.slice(i, i + 9))) {
        b.error('DOCTYPE ignored (entities declared in it are not expanded).');
        const end = markupEnd(src, i + 9, true);
        i = end < 0 ? n : end + 1;
      } else {
        const end = src.indexOf('>', i + 2);
        i = end < 0 ? n : end + 1;
      }
    } else if (src[i + 1] === '/') {
      const end = src.indexOf('>', i + 2);
      const stop = end < 0 ? n : end;
      const name = src.slice(i + 2, stop).trim();
      if (name) b.close(name);
      i = stop + 1;
    } else if ((NAME.lastIndex = i + 1) && NAME.test(src)) {
      const j = NAME.lastIndex;
      const name = src.slice(i + 1, j);
      const end = markupEnd(src, j, false);
      const stop = end < 0 ? n : end;
      let body = src.slice(j, stop);
      const selfClosing = body.endsWith('/');
      if (selfClosing) body = body.slice(0, -1);
      if (end < 0 || src[end] !== '>') b.error(`Unterminated start tag <${name.slice(0, 40)}>.`);
      b.open(name, parseAttrs(body, b), selfClosing);
      i = stop + 1;
    } else {
      b.text('<', true);
      i++;
    }
  }
  b.finish();
  return { root: b.root, errors: b.errors };
}

/** Children of `el` with local name `local` (any namespace unless `ns` is given). */
export function childrenNamed(el: XmlElement, local: string, ns?: readonly string[]): XmlElement[] {
  return el.children.filter((c) => c.local === local && (!ns || ns.includes(c.ns)));
}

export function firstChild(el: XmlElement, local: string, ns?: readonly string[]): XmlElement | undefined {
  return el.children.find((c) => c.local === local && (!ns || ns.includes(c.ns)));
}

const BLOCKS = /^(p|div|br|li|ul|ol|h[1-6]|tr|td|th|blockquote|section|article|figure|figcaption|hr|table)$/i;

/**
 * All text inside an element and its descendants in document order (mixed or mis-nested content),
 * with a space around block-level (XHTML) elements; capped.
 */
export function deepText(el: XmlElement, max = 100_000): string {
  if (el.children.length === 0) return el.text.length > max ? el.text.slice(0, max) : el.text;
  let out = '';
  const walk = (e: XmlElement, depth: number): void => {
    if (out.length >= max || depth > 64) return;
    const block = depth > 0 && BLOCKS.test(e.local);
    if (block) out += ' ';
    for (const n of e.nodes) {
      if (typeof n === 'string') out += n;
      else walk(n, depth + 1);
    }
    if (block) out += ' ';
  };
  walk(el, 0);
  return out.length > max ? out.slice(0, max) : out;
}
