/** Addresses differing only in case, width and surrounding space share one account and counter. */
export function normaliseEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}
