import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/lib/auth/config";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { clientIp } from "@/lib/auth/client-ip";
import { beginPasswordAttempt, passwordAttemptSucceeded } from "@/lib/auth/rate-limit";
import { loginLimits } from "@/lib/auth/password-attempts";
import { closeSession, openSession } from "@/lib/auth/sessions";
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
        const wait = await beginPasswordAttempt(prisma, email, ip, loginLimits());
        if (wait > 0) throw new LoginRateLimited(wait);

        const user = await prisma.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, passwordHash: true },
        });
        const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
        if (!user || !ok) throw new InvalidLogin();
        await passwordAttemptSucceeded(prisma, email, ip);
        const sessionId = await openSession(prisma, user.id, {
          maxAgeSeconds: env().SESSION_MAX_AGE_HOURS * 3600,
          ip,
          userAgent: request.headers.get("user-agent"),
        });
        await recordAudit({ actorId: user.id, action: "auth.login", ip });
        return { id: user.id, email: user.email, name: user.name, sessionId };
      },
    }),
  ],
});
