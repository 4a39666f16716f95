/**
 * Absolute https URLs only: no `javascript:`, no `http:`, no user name or password in the URL.
 * Apart from the theme text schema so that the footer can check links without loading zod.
 */
export function isSafeLinkUrl(value: string): boolean {
  if (value.length > 2048 || !URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' && !url.username && !url.password;
}
