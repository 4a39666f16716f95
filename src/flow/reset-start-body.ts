import type { ResetStartRequest } from '../api/contract.schema.js';

/** What the reset's first step sends: an email address, or a username (which never has an @). */
export function resetStartBody(name: string): ResetStartRequest {
  return name.includes('@') ? { email: name } : { username: name };
}
