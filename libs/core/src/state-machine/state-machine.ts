/**
 * A small, generic finite-state machine built from a transition table. The table is checked
 * when the machine is built (unknown states, unreachable states, duplicate rules), so a
 * mistake in a workflow stops the process at start-up instead of surfacing in production.
 */
export interface TransitionRule<S extends string, A extends string> {
  readonly from: readonly S[];
  readonly to: S;
  /** Who may take this step. */
  readonly by: readonly A[];
}

export class StateMachineDefinitionError extends Error {}

export class StateMachine<S extends string, A extends string> {
  private readonly rules: ReadonlyMap<string, ReadonlySet<A>>;

  constructor(
    readonly states: readonly S[],
    readonly initial: S,
    readonly transitions: readonly TransitionRule<S, A>[],
  ) {
    const known = new Set<string>(states);
    const rules = new Map<string, Set<A>>();
    if (!known.has(initial))
      throw new StateMachineDefinitionError(`Unknown initial state ${initial}`);
    for (const rule of transitions) {
      for (const state of [...rule.from, rule.to]) {
        if (!known.has(state)) throw new StateMachineDefinitionError(`Unknown state ${state}`);
      }
      if (rule.by.length === 0)
        throw new StateMachineDefinitionError(`Nobody may enter ${rule.to}`);
      for (const from of rule.from) {
        const key = `${from}->${rule.to}`;
        if (rules.has(key))
          throw new StateMachineDefinitionError(`Transition ${key} is defined twice`);
        rules.set(key, new Set(rule.by));
      }
    }
    const reachable = new Set<string>([initial]);
    for (let grew = true; grew;) {
      grew = false;
      for (const rule of transitions) {
        if (!reachable.has(rule.to) && rule.from.some((f) => reachable.has(f))) {
          reachable.add(rule.to);
          grew = true;
        }
      }
    }
    const unreachable = states.filter((s) => !reachable.has(s));
    if (unreachable.length) {
      throw new StateMachineDefinitionError(`Unreachable states: ${unreachable.join(', ')}`);
    }
    this.rules = rules;
  }

  /** Whether the step exists at all (for anyone). */
  exists(from: S, to: S): boolean {
    return this.rules.has(`${from}->${to}`);
  }

  /** Whether `actor` may take the step. */
  can(from: S, to: S, actor: A): boolean {
    return this.rules.get(`${from}->${to}`)?.has(actor) ?? false;
  }

  /** The states `actor` (or anyone, when omitted) may move to from `from`. */
  allowedFrom(from: S, actor?: A): S[] {
    return this.states.filter((to) => (actor ? this.can(from, to, actor) : this.exists(from, to)));
  }
}
