import { getEnv } from "./env";

/** The client's address for per-IP limits, or null when none can be told. See TRUSTED_IP_HEADER. */
export function clientIp(headers: Headers): string | null {
  return clientIpFrom(headers, getEnv().TRUSTED_IP_HEADER);
}

/**
 * The address in `trustedHeader` when one is configured (a proxy we run sets it), else the last
 * X-Forwarded-For hop; null when missing or too long to be an address.
 */
export function clientIpFrom(headers: Headers, trustedHeader: string | undefined): string | null {
  const raw = trustedHeader ? headers.get(trustedHeader) : headers.get("x-forwarded-for");
  if (!raw) return null;
  // A proxy appends the address it saw; the last hop is the one closest to us.
  const hops = raw.split(",").map((h) => h.trim()).filter(Boolean);
  const ip = hops.at(-1) ?? null;
  return ip && ip.length <= 64 ? ip : null;
}
