import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { SavedContext } from '@/components/SavedContext';
import { dayOf } from '@/components/ReadingListItem';
import { Wordmark } from '@/components/Wordmark';
import { namedView, outletView } from '@/lib/reading-list/context-view';
import type { SavedArticle } from '@/lib/store-types';
import type { AnchorStatus } from '@/lib/annotations/anchor';
import type { HighlightRow } from '@/lib/store-types';
import { paintReaderHighlights } from './annotations';
import { highlightNames } from './highlight';
import { Highlights } from './Highlights';

export interface ReaderProps {
  row: SavedArticle | null;
  /** When the history holds a later visit whose text differs: that visit's time. */
  changedOn?: string | null;
  error?: string | null;
  render: (el: Element, html: string) => void;
  fontSize: number;
  onFontSize: (px: number) => void;
  /** The reader's highlights of this article (issue 7). */
  highlights?: HighlightRow[];
  onHighlightNote?: (id: string, note: string) => void;
  onHighlightDelete?: (id: string) => void;
}

const MIN_FONT = 14;
const MAX_FONT = 28;

function Controls({ fontSize, onFontSize }: Pick<ReaderProps, 'fontSize' | 'onFontSize'>) {
  return (
    <div class="reader-controls" role="group" aria-label="Text size">
      <button
        type="button"
        class="button"
        aria-label="Smaller text"
        disabled={fontSize <= MIN_FONT}
        onClick={() => onFontSize(fontSize - 2)}
      >
        A−
      </button>
      <span class="muted" aria-live="polite">
        {fontSize}px
      </span>
      <button
        type="button"
        class="button"
        aria-label="Larger text"
        disabled={fontSize >= MAX_FONT}
        onClick={() => onFontSize(fontSize + 2)}
      >
        A+
      </button>
    </div>
  );
}

function Body({
  row,
  render,
  highlights = [],
  onStatus,
}: {
  row: SavedArticle;
  render: (el: Element, html: string) => void;
  highlights?: HighlightRow[];
  onStatus?: (s: Record<string, AnchorStatus>) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof row.content === 'string' && row.content) {
      render(el, row.content);
      const people = namedView(row.context?.people).map((p) => p.name);
      highlightNames(el, people);
    } else el.textContent = '';
  }, [row.urlKey, row.content]);
  // After the content and the names are in place: anchor and paint the reader's highlights.
  useLayoutEffect(() => {
    const el = ref.current ?? textRef.current;
    if (el) onStatus?.(paintReaderHighlights(el, highlights));
  }, [row.urlKey, row.content, highlights]);
  if (!row.content && row.text) {
    return (
      <div class="reader-body" data-testid="reader-body" ref={textRef}>
        {row.text.split(/\n{2,}/).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    );
  }
  if (!row.content) {
    return (
      <div class="reader-body" data-testid="reader-body">
        <p class="muted">
          No copy of this article was saved (it was saved as a link or imported without its text).{' '}
          <a href={row.url} target="_blank" rel="noopener noreferrer">
            Open the original
          </a>
          .
        </p>
      </div>
    );
  }
  return <div class="reader-body" ref={ref} data-testid="reader-body" />;
}

/** The reader view: the saved copy, typographic and offline, with its saved context beside it. */
export function ReaderApp({
  row,
  changedOn,
  error,
  render,
  fontSize,
  onFontSize,
  highlights,
  onHighlightNote,
  onHighlightDelete,
}: ReaderProps) {
  const [showContext] = useState(true);
  const [hlStatus, setHlStatus] = useState<Record<string, AnchorStatus>>({});
  if (error || !row) {
    return (
      <main class="reader reader--empty">
        <p class="rl-error" role="alert" data-testid="reader-error">
          {error ?? 'This article is not in your reading list.'}
        </p>
        <a href="/reading-list.html">Back to the reading list</a>
      </main>
    );
  }
  const capturedOn = row.context?.capturedAt ? dayOf(row.context.capturedAt) : undefined;
  return (
    <div class="reader" style={{ '--reader-size': `${fontSize}px` }}>
      <header class="reader-header">
        <a href="/reading-list.html" class="reader-back">
          ← Reading list
        </a>
        <Wordmark size="small" />
        <Controls fontSize={fontSize} onFontSize={onFontSize} />
      </header>
      <div class="reader-layout">
        <article class="reader-article" lang={row.lang} dir={row.dir === 'rtl' ? 'rtl' : undefined}>
          {changedOn && (
            <p class="reader-changed" role="note" data-testid="reader-changed">
              The live page has changed since you saved it (you saw a different text on {dayOf(changedOn)}).
              This is the copy you saved.
            </p>
          )}
          <p class="reader-kicker">{row.outletName ?? row.siteName ?? ''}</p>
          <h1 class="reader-title" data-testid="reader-title">
            {row.title}
          </h1>
          <p class="reader-meta muted">
            {row.byline && <span>{row.byline} · </span>}
            {row.publishedTime && <span>Published {dayOf(row.publishedTime)} · </span>}
            <span>Saved {dayOf(row.savedAt)} · </span>
            <a href={row.url} target="_blank" rel="noopener noreferrer">
              Original ↗
            </a>
          </p>
          <Body row={row} render={render} highlights={highlights} onStatus={setHlStatus} />
        </article>
        <div class="reader-side">
          {showContext && (
            <SavedContext
              outlet={outletView(row.context?.outlet)}
              people={namedView(row.context?.people)}
              sourcesCited={namedView(row.context?.sourcesCited)}
              siteName={typeof row.siteName === 'string' ? row.siteName : undefined}
              capturedOn={capturedOn}
            />
          )}
          <Highlights
            rows={highlights ?? []}
            status={hlStatus}
            url={row.url}
            onNote={(id, note) => onHighlightNote?.(id, note)}
            onDelete={(id) => onHighlightDelete?.(id)}
          />
        </div>
      </div>
    </div>
  );
}
