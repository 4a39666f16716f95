/**
 * The version of the Gatehouse HTTP contract, in every API path (`/api/v1`). On its own, so that
 * the first load carries none of the routes, which come with the API client.
 */
export const contractVersion = 'v1';
