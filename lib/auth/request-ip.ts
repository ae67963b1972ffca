import "server-only";
import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";

/** The client address of the request being handled (see lib/auth/client-ip.ts). */
export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}
