import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** `npm run -s analyze -- --urls` end to end (one process): resolver only, one line per input line. */
describe('analyze --urls', () => {
  it('resolves {"url"} lines, reports bad lines, never stops', () => {
    const input = [
      JSON.stringify({ url: 'http://www.presstv.co.uk/Detail/2017/02/03/509465/x' }),
      'not json',
      JSON.stringify({ url: 'javascript:alert(1)' }),
      JSON.stringify({ nope: 1 }),
      '',
      JSON.stringify({
        url: 'https://web.archive.org/web/20170203120000id_/https://www.presstv.ir/Detail/x',
      }),
      JSON.stringify({ url: 'https://example.org/story' }),
      JSON.stringify({ url: 'https://' + 'a'.repeat(1_000_000) + '.com/' }),
    ].join('\n');
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts', '--urls'], {
      input,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as { url: string | null; outlet: Record<string, unknown> | null; error?: string },
      );
    expect(out).toHaveLength(7);
    expect(out[0]?.outlet).toMatchObject({
      id: 'Q912429',
      name: 'Press TV',
      country: 'Iran',
      control: 'state-controlled',
    });
    expect(out[1]).toEqual({ url: null, outlet: null, error: 'invalid JSON' });
    expect(out[2]).toEqual({ url: 'javascript:alert(1)', outlet: null });
    expect(out[3]?.error).toMatch(/url/);
    expect(out[4]?.outlet).toMatchObject({ id: 'Q912429', wrapper: 'wayback' });
    expect(out[5]).toEqual({ url: 'https://example.org/story', outlet: null });
    expect(out[6]?.outlet).toBeNull();
    expect(out[6]?.url?.length).toBeLessThanOrEqual(2_000);
  }, 60_000);
});
