import '@/assets/reader.css';
import { render } from 'preact';
import { openMastheadDb } from '@/lib/platform/db';
import { textChanged } from '@/lib/reading-list/context-view';
import { createSafeRenderer } from '@/lib/safe-html';
import { deleteHighlight, listHighlights, updateHighlight } from '@/lib/reading-list/highlights';
import type { HighlightRow, SavedArticle } from '@/lib/store-types';
import { ReaderApp } from './App';

const FONT_KEY = 'masthead.reader.fontSize';

function readFont(): number {
  const n = Number(localStorage.getItem(FONT_KEY));
  return Number.isFinite(n) && n >= 14 && n <= 28 ? n : 19;
}

async function main() {
  document.body.dataset.state = 'loading';
  const root = document.getElementById('app');
  if (!root) return;
  const key = new URLSearchParams(location.search).get('key') ?? '';
  const renderHtml = createSafeRenderer(window);
  let row: SavedArticle | null = null;
  let changedOn: string | null = null;
  let error: string | null = null;
  let highlights: HighlightRow[] = [];
  let db: Awaited<ReturnType<typeof openMastheadDb>> | null = null;
  try {
    db = await openMastheadDb();
    db.on('versionchange', () => location.reload());
    row = (await db.saved.get(key)) ?? null;
    if (row) highlights = await listHighlights(db, row.urlKey);
    // "Changed since saved": only from a later visit already in the history — never fetched.
    const seen = row ? await db.pages.get(row.urlKey) : undefined;
    if (
      row &&
      seen &&
      row.contentSavedAt &&
      seen.lastSeenAt > row.contentSavedAt &&
      textChanged(row.text, seen.text)
    ) {
      changedOn = seen.lastSeenAt;
    }
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  if (row) document.title = `${row.title} — Masthead`;
  let fontSize = readFont();
  const draw = () =>
    render(
      <ReaderApp
        row={row}
        changedOn={changedOn}
        error={error}
        render={renderHtml}
        fontSize={fontSize}
        highlights={highlights}
        onHighlightNote={(id, note) =>
          void editHighlights(() => updateHighlight(db!, id, { note }, new Date()))
        }
        onHighlightDelete={(id) => void editHighlights(() => deleteHighlight(db!, id))}
        onFontSize={(px) => {
          fontSize = Math.max(14, Math.min(28, px));
          localStorage.setItem(FONT_KEY, String(fontSize));
          draw();
        }}
      />,
      root,
    );
  /** Write, then re-read the article's highlights and redraw (a failed write keeps the old list). */
  async function editHighlights(write: () => Promise<unknown>) {
    if (!db || !row) return;
    try {
      await write();
      highlights = await listHighlights(db, row.urlKey);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    draw();
  }
  draw();
  document.body.dataset.state = row ? 'ready' : 'error';
}

void main();
