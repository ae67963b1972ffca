// Only same-site paths are followed after login, so a crafted link cannot send people elsewhere.
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return "/";
  }
  return value.slice(0, 500);
}
