/**
 * Every column that holds a FieldCipher value, with the context (associated data) each value
 * was sealed with. `reencrypt` walks them all; a test compares this list with the columns of
 * the schema named `*_enc` or `*_encrypted`, so a new encrypted column cannot be forgotten.
 */
export interface EncryptedField {
  table: string;
  column: string;
  /** Primary key columns, in key order (pages of rows are read by key). */
  key: readonly string[];
  /** The context the value is bound to, from the row's key. */
  context(row: Record<string, string>): string;
}

const byId = (row: Record<string, string>) => row.id;

export const ENCRYPTED_FIELDS: readonly EncryptedField[] = [
  { table: 'cases', column: 'contact_name_enc', key: ['id'], context: byId },
  { table: 'cases', column: 'contact_email_enc', key: ['id'], context: byId },
  { table: 'cases', column: 'contact_phone_enc', key: ['id'], context: byId },
  { table: 'cases', column: 'helper_name_enc', key: ['id'], context: byId },
  { table: 'case_referrals', column: 'contact_email_enc', key: ['id'], context: byId },
  { table: 'notification_outbox', column: 'recipient_encrypted', key: ['id'], context: byId },
  { table: 'staff_users', column: 'totp_secret_enc', key: ['id'], context: byId },
  { table: 'staff_sessions', column: 'pending_totp_secret_enc', key: ['id'], context: byId },
];
