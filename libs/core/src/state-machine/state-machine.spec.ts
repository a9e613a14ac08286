import { StateMachine, StateMachineDefinitionError } from './state-machine';

type S = 'draft' | 'open' | 'done';
type A = 'author' | 'editor';

describe('StateMachine', () => {
  const machine = new StateMachine<S, A>(['draft', 'open', 'done'], 'draft', [
    { from: ['draft'], to: 'open', by: ['author'] },
    { from: ['open'], to: 'done', by: ['editor'] },
    { from: ['done'], to: 'open', by: ['editor', 'author'] },
  ]);

  it('allows exactly the listed steps to the listed actors', () => {
    expect(machine.can('draft', 'open', 'author')).toBe(true);
    expect(machine.can('draft', 'open', 'editor')).toBe(false);
    expect(machine.can('draft', 'done', 'editor')).toBe(false);
    expect(machine.exists('open', 'done')).toBe(true);
  });

  it('lists the steps allowed from a state, per actor or for anyone', () => {
    expect(machine.allowedFrom('open')).toEqual(['done']);
    expect(machine.allowedFrom('done', 'author')).toEqual(['open']);
    expect(machine.allowedFrom('open', 'author')).toEqual([]);
  });

  it('refuses a table with an unknown state', () => {
    expect(
      () => new StateMachine<string, A>(['a'], 'a', [{ from: ['a'], to: 'b', by: ['author'] }]),
    ).toThrow(StateMachineDefinitionError);
  });

  it('refuses a table with an unreachable state', () => {
    expect(
      () =>
        new StateMachine<S, A>(['draft', 'open', 'done'], 'draft', [
          { from: ['draft'], to: 'open', by: ['author'] },
        ]),
    ).toThrow('Unreachable states: done');
  });

  it('refuses a step defined twice', () => {
    expect(
      () =>
        new StateMachine<S, A>(['draft', 'open', 'done'], 'draft', [
          { from: ['draft'], to: 'open', by: ['author'] },
          { from: ['draft'], to: 'open', by: ['editor'] },
          { from: ['open'], to: 'done', by: ['editor'] },
        ]),
    ).toThrow('defined twice');
  });
});
