import type { PrismaClient } from "@/lib/generated/prisma/client";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";

export type LoginUser = { id: string; email: string; name: string };

/**
 * The person an email and password log in as, or null. An athlete kept by a coach without a login has a
 * placeholder email and a hash that never verifies; they are refused exactly as an unknown email is,
 * after the same dummy check, so neither the answer nor its timing tells such a profile exists.
 */
export async function checkCredentials(
  prisma: Pick<PrismaClient, "user">,
  email: string,
  password: string,
): Promise<LoginUser | null> {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, hasLogin: true },
  });
  if (!user?.hasLogin) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name };
}
