import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/lib/auth/config";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { clientIp } from "@/lib/auth/client-ip";
import { loginRetryAfterMinutes, recordLoginAttempt, recordLoginSuccess } from "@/lib/auth/rate-limit";
import { loginSchema } from "@/lib/accounts/schemas";
import { recordAudit } from "@/lib/audit";

export class InvalidLogin extends CredentialsSignin {
  code = "invalid";
}

export class LoginRateLimited extends CredentialsSignin {
  constructor(readonly retryAfterMinutes: number) {
    super();
    this.code = `rate_limited_${retryAfterMinutes}`;
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
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = loginSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidLogin();
        const { email, password } = parsed.data;
        const prisma = db();
        const ip = clientIp(request.headers);
        const limits = {
          maxPerAccount: env().LOGIN_MAX_FAILURES_PER_ACCOUNT,
          maxPerIp: env().LOGIN_MAX_FAILURES_PER_IP,
          windowMinutes: env().LOGIN_WINDOW_MINUTES,
        };
        const wait = await loginRetryAfterMinutes(prisma, email, ip, limits);
        if (wait > 0) throw new LoginRateLimited(wait);
        const attempts = await recordLoginAttempt(prisma, email, ip, limits);
        if (attempts.account > limits.maxPerAccount || attempts.ip > limits.maxPerIp) {
          throw new LoginRateLimited(limits.windowMinutes);
        }

        const user = await prisma.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
        });
        const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
        if (!user || !ok) throw new InvalidLogin();
        await recordLoginSuccess(prisma, email, ip);
        await recordAudit({ actorId: user.id, action: "auth.login", ip });
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
});
