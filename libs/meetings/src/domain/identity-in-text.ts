/** The reporter's contact details, decrypted only to check a text against them. */
export interface ReporterIdentity {
  name: string | null;
  email: string | null;
  phone: string | null;
}

const MIN_NAME_PART = 4;
const MIN_PHONE_DIGITS = 6;

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/**
 * Whether a text written for the Technical Group names the reporter: their full name or any
 * longer part of it, their email, or their phone number (compared by digits). The agenda
 * summary is the one case text members read, so it must not reveal who reported.
 */
export function revealsIdentity(text: string, identity: ReporterIdentity): boolean {
  const folded = fold(text);
  if (identity.email && folded.includes(fold(identity.email.trim()))) return true;
  if (identity.name) {
    const name = fold(identity.name.trim());
    if (name && folded.includes(name)) return true;
    const words = new Set(folded.split(/[^\p{L}\p{N}]+/u));
    const parts = name.split(/[^\p{L}\p{N}]+/u).filter((p) => p.length >= MIN_NAME_PART);
    if (parts.some((part) => words.has(part))) return true;
  }
  if (identity.phone) {
    const phone = identity.phone.replace(/\D/g, '');
    // Written locally ("044 987 654") the number loses its country prefix: its last eight
    // digits, or a run that ends the number, still give it away.
    const tail = phone.slice(-8);
    for (const run of text.match(/\+?\d[\d\s().-]*\d/g) ?? []) {
      const digits = run.replace(/\D/g, '');
      if (digits.length < MIN_PHONE_DIGITS || phone.length < MIN_PHONE_DIGITS) continue;
      if (digits.includes(tail) || phone.endsWith(digits)) return true;
    }
  }
  return false;
}
