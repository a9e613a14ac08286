/** Help and trust: the public help, privacy, accessibility and contact pages, and their contacts. */
export * from './domain/privacy-figures';
export * from './domain/public-contact-kinds';
export * from './help.module';
export * from './services/public-contacts.service';

import { PublicContact } from './entities/public-contact.entity';
export const HELP_ENTITIES = [PublicContact];
