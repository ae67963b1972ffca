import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/lib/auth/config";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { checkCredentials } from "@/lib/auth/credentials";
import { clientIp } from "@/lib/auth/client-ip";
import { beginPasswordAttempt, passwordAttemptSucceeded } from "@/lib/auth/rate-limit";
import { loginLimits } from "@/lib/auth/password-attempts";
import { closeSession, openSession, sessionIsOpen } from "@/lib/auth/sessions";
import { cookieFrom, deviceCookieName, deviceCookieOptions, isKnownDevice, newDeviceCookieValue } from "@/lib/auth/device";
import { cookies } from "next/headers";
import { loginSchema } from "@/lib/accounts/schemas";
import { recordAudit } from "@/lib/audit";

export class InvalidLogin extends CredentialsSignin {
  code = "invalid";
}

export class LoginRateLimited extends CredentialsSignin {
  constructor(readonly retryAfterSeconds: number) {
    super();
    this.code = `rate_limited_${retryAfterSeconds}`;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  secret: env().AUTH_SECRET,
  logger: {
    // A failed login is an expected outcome with its own message on the page, not a server error.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    // Auth.js's own session endpoint (GET /api/auth/session) re-reads the cookie: one whose session row is
    // gone answers as signed out, and the cookie is cleared, as every page and route already does.
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      if (params.user) return token;
      const sid = typeof token.sid === "string" ? token.sid : "";
      if (!sid || !(await sessionIsOpen(db(), sid, token.sub))) return null;
      return token;
    },
  },
  events: {
    // Log out (the button's action and POST /api/auth/signout alike): the session's row goes, so every
    // copy of the cookie stops working at once.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string" && sid) await closeSession(db(), sid);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = loginSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidLogin();
        const { email, password } = parsed.data;
        const prisma = db();
        const ip = clientIp(request.headers);
        const secret = env().AUTH_SECRET ?? "";
        const knownDevice = isKnownDevice(secret, email, cookieFrom(request.headers.get("cookie"), deviceCookieName(email)));
        const wait = await beginPasswordAttempt(prisma, email, ip, loginLimits(), { knownDevice });
        if (wait > 0) throw new LoginRateLimited(wait);

        const user = await checkCredentials(prisma, email, password);
        if (!user) throw new InvalidLogin();
        await passwordAttemptSucceeded(prisma, email, ip);
        const sessionId = await openSession(prisma, user.id, {
          maxAgeSeconds: env().SESSION_MAX_AGE_HOURS * 3600,
          ip,
          userAgent: request.headers.get("user-agent"),
        });
        await recordAudit({ actorId: user.id, action: "auth.login", ip });
        // This browser is now one the account knows (see lib/auth/device.ts).
        const https = new URL(request.url).protocol === "https:" || (process.env.AUTH_URL ?? "").startsWith("https:");
        (await cookies()).set(deviceCookieName(email), newDeviceCookieValue(secret, email), deviceCookieOptions(https));
        return { id: user.id, email: user.email, name: user.name, sessionId };
      },
    }),
  ],
});
