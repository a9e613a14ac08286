import { Batcher } from './batcher';

describe('Batcher', () => {
  it('runs items added while a run is in flight together in the next run', async () => {
    const runs: number[][] = [];
    let release: () => void = () => undefined;
    const batcher = new Batcher<number>(async (items) => {
      runs.push(items);
      if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = batcher.add(1);
    const rest = [batcher.add(2), batcher.add(3), batcher.add(4)];
    release();
    await Promise.all([first, ...rest]);
    expect(runs).toEqual([[1], [2, 3, 4]]);
  });

  it('fails every caller of a failed run, and only them', async () => {
    let fail = true;
    const batcher = new Batcher<string>(async () => {
      if (fail) {
        fail = false;
        throw new Error('database away');
      }
    });
    await expect(batcher.add('a')).rejects.toThrow('database away');
    await expect(batcher.add('b')).resolves.toBeUndefined();
  });
});

describe('Batcher with results', () => {
  it('gives each caller the result of its own item', async () => {
    let release: () => void = () => undefined;
    let runs = 0;
    const batcher = new Batcher<number, string>(async (items) => {
      runs += 1;
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
      return items.map((n) => `#${n}`);
    });
    const first = batcher.add(1);
    const rest = [batcher.add(2), batcher.add(3)];
    release();
    expect(await Promise.all([first, ...rest])).toEqual(['#1', '#2', '#3']);
    expect(runs).toBe(2);
  });
});
