import { ForbiddenError, NotFoundError } from '@app/core';

/** A role that may not edit the public contact points (HelpPermissions), however it got here. */
export class PublicContactsForbiddenError extends ForbiddenError {
  constructor() {
    super('public_contacts_forbidden');
  }
}

export class PublicContactNotFoundError extends NotFoundError {
  constructor() {
    super('public_contact_not_found');
  }
}
