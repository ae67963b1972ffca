import { CLIENT_ADDRESS_HEADER, normalizeAddress } from "@/scripts/lib/client-address.mjs";

/**
 * The client's address for throttling and the audit log. The production server (scripts/serve.mjs)
 * decides it from the socket and TRUSTED_PROXY_HOPS and passes it in its own header, replacing any value
 * the client sent. Elsewhere (`next dev`) the header is ignored and the nearest X-Forwarded-For entry (which
 * Next sets from the socket when the client sent none) is used.
 */
export function clientIp(headers: Headers): string {
  // Trusted only under scripts/serve.mjs, which replaces whatever the client sent in it.
  const decided = process.env.BACKBONE_CLIENT_ADDRESS_HEADER === "1" ? headers.get(CLIENT_ADDRESS_HEADER) : null;
  if (decided) return normalizeAddress(decided);
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((e) => e.trim()).filter(Boolean).pop();
  return normalizeAddress(last ?? "unknown");
}
