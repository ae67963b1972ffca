import "server-only";
import { cookies, headers } from "next/headers";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/auth/client-ip";
import { deviceCookieName, isKnownDevice } from "@/lib/auth/device";
import type { PasswordClient } from "@/lib/auth/password-attempts";

/** The client address of the request being handled (see lib/auth/client-ip.ts). */
export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}

/** The request's client as password throttling sees it, for a re-check of `email`'s password. */
export async function requestClient(email: string): Promise<PasswordClient> {
  const device = (await cookies()).get(deviceCookieName(email))?.value;
  return { ip: await requestIp(), knownDevice: isKnownDevice(env().AUTH_SECRET ?? "", email, device) };
}
