/**
 * The background's loader of the packaged outlet data (lib/outlets/dataset-load.ts): nothing is
 * loaded until first use, the files are read once and shared, a failed read is retried, and the
 * synchronous view is null until the data is there. The reader here reads the real files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadedOutletData, loadOutletData, OUTLET_DATA_FILES } from '@/lib/outlets/dataset-load';
import { resolveOutlet } from '@/lib/outlets/lookup';

const SOURCE: Record<string, string> = {
  [OUTLET_DATA_FILES.outlets]: 'lib/outlets/data/outlets.json',
  [OUTLET_DATA_FILES.rsp]: 'lib/outlets/data/rsp.json',
};

describe('loadOutletData', () => {
  it('loads on first use, once; retries after a failed read', async () => {
    expect(loadedOutletData()).toBeNull();
    const reads: string[] = [];
    let fail = true;
    const read = async (file: string) => {
      reads.push(file);
      if (fail) throw new Error('offline');
      return JSON.parse(readFileSync(SOURCE[file]!, 'utf8')) as unknown;
    };
    await expect(loadOutletData(read)).rejects.toThrow('offline');
    expect(loadedOutletData()).toBeNull();
    fail = false;
    reads.length = 0;
    const [a, b] = await Promise.all([loadOutletData(read), loadOutletData(read)]);
    expect(a).toBe(b);
    expect(reads.sort()).toEqual([OUTLET_DATA_FILES.outlets, OUTLET_DATA_FILES.rsp].sort());
    expect(await loadOutletData(read)).toBe(a);
    expect(reads).toHaveLength(2);
    expect(loadedOutletData()).toBe(a);
    expect(resolveOutlet('https://www.presstv.ir/x', a.index)?.outlet.name).toBe('Press TV');
    expect(a.rsp?.entries.length).toBeGreaterThan(0);
  });
});
