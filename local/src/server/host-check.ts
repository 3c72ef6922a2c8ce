const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * True when the Host header names this loopback listener. A page in a browser can make requests
 * to 127.0.0.1 through a DNS name it controls (DNS rebinding); such requests carry that name as
 * Host, so insisting on a loopback Host with our own port turns them away.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const separator = host.lastIndexOf(':');
  if (separator <= 0 || host.endsWith(']')) return false;
  const name = host.slice(0, separator).toLowerCase();
  return LOOPBACK_NAMES.has(name) && host.slice(separator + 1) === String(port);
}
