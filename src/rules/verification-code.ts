/**
 * Pasted codes arrive as "123 456", "123-456" or in full-width digits; only the digits count, in
 * the code step's field and in a plain form's post alike.
 */
export function normaliseCode(input: string): string {
  return input.normalize('NFKC').replace(/[\s-]/g, '');
}
