import type { NextAuthConfig } from "next-auth";

// Edge-safe part of the auth setup (no database, no argon2): the proxy uses it to read the
// session cookie; lib/auth/index.ts adds the credentials provider on top.

const maxAgeSeconds = () => Number(process.env.SESSION_MAX_AGE_HOURS ?? 12) * 3600;

export const authConfig = {
  pages: { signIn: "/login", error: "/login" },
  session: { strategy: "jwt", maxAge: maxAgeSeconds(), updateAge: 15 * 60 },
  trustHost: process.env.AUTH_TRUST_HOST === "true" || process.env.NODE_ENV !== "production",
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        // The server-side session row (lib/auth/sessions.ts) this cookie stands for.
        token.sid = (user as { sessionId?: string }).sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
