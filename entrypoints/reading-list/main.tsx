import '@/assets/reading-list.css';
import { render } from 'preact';
import { openMastheadDb } from '@/lib/platform/db';
import { createSanitizer } from '@/lib/safe-html';
import { App } from './App';
import { createListState } from './state';

async function main() {
  document.body.dataset.state = 'loading';
  const root = document.getElementById('app');
  if (!root) return;
  let db;
  try {
    db = await openMastheadDb();
  } catch (e) {
    document.body.dataset.state = 'error';
    root.textContent = e instanceof Error ? e.message : String(e);
    return;
  }
  // A newer version of Masthead upgraded the database: reload with the new code.
  db.on('versionchange', () => location.reload());
  const state = createListState(db);
  render(<App state={state} db={db} sanitize={createSanitizer(window)} />, root);
  await state.load();
}

void main();
