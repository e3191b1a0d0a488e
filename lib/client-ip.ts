import { getEnv } from "./env";

/** The client's address for per-IP limits, or null when none can be told. See TRUSTED_IP_HEADER. */
export function clientIp(headers: Headers): string | null {
  const trusted = getEnv().TRUSTED_IP_HEADER;
  const raw = trusted ? headers.get(trusted) : headers.get("x-forwarded-for");
  if (!raw) return null;
  // A proxy appends the address it saw; the last hop is the one closest to us.
  const hops = raw.split(",").map((h) => h.trim()).filter(Boolean);
  const ip = hops.at(-1) ?? null;
  return ip && ip.length <= 64 ? ip : null;
}
