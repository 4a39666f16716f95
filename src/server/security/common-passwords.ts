/**
 * The most common passwords (docs/security.md#rule-3): the 49,000-entry frequency list that
 * @zxcvbn-ts/language-common (MIT) ships, read offline from the package, compared case-folded.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

let list: Set<string> | undefined;

function commonPasswords(): Set<string> {
  list ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));
  return list;
}

/** `folded` is the password after NFKC and lower-casing. */
export function isCommonPassword(folded: string): boolean {
  return commonPasswords().has(folded);
}

export function commonPasswordCount(): number {
  return commonPasswords().size;
}
