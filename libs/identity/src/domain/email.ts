/** Staff addresses are compared and stored in lower case (the table's CHECK insists). */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}
