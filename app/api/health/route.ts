import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the start script. Reveals no data. */
export async function GET() {
  const database = await checkDatabase();
  return NextResponse.json(
    { status: database ? "ok" : "degraded", database: database ? "ok" : "unreachable" },
    { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
