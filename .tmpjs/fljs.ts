import { firstLoadChunks, ChunkSizes } from "../scripts/lib/first-load-js";
import { sessionCookie } from "../e2e/session-cookie";
const base = process.env.BASE!;
const sizes = new ChunkSizes(".next");
async function measure(url: string, cookie?: string, lang = "en") {
  const res = await fetch(base + url, { headers: { ...(cookie ? { cookie } : {}), "accept-language": lang }, redirect: "manual" });
  const html = await res.text();
  const chunks = firstLoadChunks(html);
  const gz = chunks.reduce((s, c) => s + sizes.of(c).gzip, 0);
  console.log(res.status, url.slice(0, 90), lang, "JS gzip kB", (gz / 1024).toFixed(1), "HTML kB", (html.length / 1024).toFixed(1));
}
const [email, ...urls] = process.argv.slice(2);
const c = await sessionCookie(email, base);
for (const u of urls) { await measure(u, `${c.name}=${c.value}`); await measure(u, `${c.name}=${c.value}`, "es"); }
process.exit(0);
