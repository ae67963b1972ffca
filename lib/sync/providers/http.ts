import type { z } from "zod";
import { PROVIDER_NAMES } from "@/lib/sync/provider-ids";
import { ProviderError, type ProviderId } from "./types";

/**
 * The one way provider clients talk HTTP: a timeout on every call, a budget on the bytes actually read, and
 * every failure turned into a ProviderError (never a raw fetch or JSON error).
 */

export type HttpOptions = {
  /** Whole request, headers and body included. */
  timeoutMs: number;
  /** The most bytes read from a response body; a larger body is refused as "unavailable". */
  maxBytes: number;
};

export type HttpResponse = { status: number; headers: Headers; text: string };

export type HttpRequest = {
  method: "GET" | "POST";
  url: string;
  headers?: Record<string, string>;
  /** Sent as application/x-www-form-urlencoded, as both providers' OAuth endpoints expect. */
  form?: Record<string, string>;
};


export async function providerRequest(provider: ProviderId, request: HttpRequest, options: HttpOptions): Promise<HttpResponse> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: {
        accept: "application/json",
        ...(request.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
        ...request.headers,
      },
      body: request.form ? new URLSearchParams(request.form).toString() : undefined,
      redirect: "error",
      signal,
    });
  } catch (error) {
    const timedOut = signal.aborted || (error instanceof Error && error.name === "TimeoutError");
    throw new ProviderError("unavailable", `${PROVIDER_NAMES[provider]} ${timedOut ? "did not answer in time" : "could not be reached"}`);
  }
  const text = await readBody(provider, response, options, signal);
  return { status: response.status, headers: response.headers, text };
}

async function readBody(provider: ProviderId, response: Response, options: HttpOptions, signal: AbortSignal): Promise<string> {
  const tooLarge = () =>
    new ProviderError("unavailable", `${PROVIDER_NAMES[provider]} sent a response larger than ${options.maxBytes} bytes`, null, response.status);
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > options.maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    const timedOut = signal.aborted;
    throw new ProviderError("unavailable", `${PROVIDER_NAMES[provider]} ${timedOut ? "did not finish answering in time" : "broke off its answer"}`, null, response.status);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ProviderError("unavailable", `${PROVIDER_NAMES[provider]} sent a response that is not UTF-8 text`, null, response.status);
  }
}

/** Parses a JSON body against the documented shape; anything else is "unavailable" (the provider misbehaved). */
export function parseBody<S extends z.ZodType>(provider: ProviderId, response: HttpResponse, schema: S, what: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    throw new ProviderError("unavailable", `${PROVIDER_NAMES[provider]} sent ${what} that is not JSON`, null, response.status);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? ` (${issue.path.join(".") || "body"}: ${issue.message})` : "";
    throw new ProviderError("unavailable", `${PROVIDER_NAMES[provider]} sent ${what} in an unexpected shape${where}`, null, response.status);
  }
  return result.data;
}

/** The common status handling: 401/403 auth, 404 not-found, 5xx and other surprises unavailable. 429 is the caller's. */
export function failureFor(provider: ProviderId, response: HttpResponse, what: string): ProviderError {
  const s = response.status;
  if (s === 401 || s === 403) return new ProviderError("auth", `${PROVIDER_NAMES[provider]} refused the credentials for ${what} (${s})`, null, s);
  if (s === 404) return new ProviderError("not-found", `${PROVIDER_NAMES[provider]} has no ${what} (404)`, null, s);
  if (s === 429) return new ProviderError("rate-limit", `${PROVIDER_NAMES[provider]} is rate limiting requests`, 60, s);
  return new ProviderError("unavailable", `${PROVIDER_NAMES[provider]} answered ${s} for ${what}`, null, s);
}

/** A finite, non-negative measure, or null: providers send null, omit fields, or (rarely) send nonsense. */
export function measure(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}

/** Perceived exertion on the 1-10 scale, or null. */
export function exertion(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 1 && value <= 10 ? value : null;
}

/** An IANA zone name the runtime knows, or null. */
export function ianaZone(name: string | null | undefined): string | null {
  if (!name) return null;
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return name;
  } catch {
    return null;
  }
}
