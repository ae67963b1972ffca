export const CLIENT_ADDRESS_HEADER: string;
export function normalizeAddress(value: unknown): string;
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string;
export function trustedProxyHops(env?: Record<string, string | undefined>): number;
export function isPrivateAddress(address: unknown): boolean;
export function proxyWarning(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string | undefined;
