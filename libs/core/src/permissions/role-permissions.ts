import type { StaffRole } from '../http/access';

/** The part of every context's permission object that a table of roles decides. */
export interface RolePermissions<A extends string> {
  /** Whether the role may take the action at all. */
  may(role: StaffRole, action: A): boolean;
  /** Throws the context's 403 when the role may not take the action. */
  require(actor: { role: StaffRole }, action: A): void;
}

/**
 * A context's permissions from its table of roles per action and its own 403: services call
 * `require` at the start of every restricted method, pages ask `may` what to offer.
 */
export function rolePermissions<A extends string>(
  roles: Record<A, readonly StaffRole[]>,
  forbidden: () => Error,
): RolePermissions<A> {
  const may = (role: StaffRole, action: A): boolean => roles[action].includes(role);
  return {
    may,
    require(actor, action) {
      if (!may(actor.role, action)) throw forbidden();
    },
  };
}
