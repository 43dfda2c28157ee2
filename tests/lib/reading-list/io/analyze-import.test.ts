// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../../scripts/analyze-import';
import { fixturePath } from './helpers';

describe('analyze --import', () => {
  it('prints the detected format, counts and the per-row report', async () => {
    const report = (await runImport(fileURLToPath(fixturePath('ril_export.html')))) as {
      format: string;
      counts: { imported: number; skipped: number };
      rows: { row: number; status: string; reason?: string }[];
    };
    expect(report.format).toBe('pocket-html');
    expect(report.counts).toMatchObject({ imported: 3, skipped: 1 });
    expect(report.rows.map((r) => r.status)).toEqual(['imported', 'imported', 'skipped', 'imported']);
    expect(report.rows[2]?.reason).toMatch(/javascript:/);
  });

  it('replaces large content with its size', async () => {
    const report = (await runImport(fileURLToPath(fixturePath('omnivore.zip')))) as {
      rows: { item?: { content?: string; text?: string } }[];
    };
    expect(report.rows[0]?.item?.content).toMatch(/^\[\d+ characters of HTML\]$/);
    expect(report.rows[0]?.item?.text).toMatch(/^\[\d+ characters of text\]$/);
  });
});
