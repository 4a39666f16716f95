/**
 * The client address that per-IP throttling counts (docs/security.md#rule-16). X-Forwarded-For is
 * read only when the connection comes from a configured proxy, and then from the right: the first
 * address that is not one of our proxies is the client, whatever the client wrote further left.
 */
export function normaliseIp(address: string): string {
  const trimmed = address.trim().toLowerCase();
  return trimmed.startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice(7) : trimmed;
}

export function clientIp(
  remoteAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: ReadonlySet<string>,
): string {
  const remote = normaliseIp(remoteAddress ?? 'unknown');
  if (!forwardedFor || !trustedProxies.has(remote)) return remote;
  const hops = forwardedFor.split(',').map(normaliseIp).filter(Boolean).slice(-20);
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    if (!trustedProxies.has(hops[index]!)) return hops[index]!;
  }
  return remote;
}
