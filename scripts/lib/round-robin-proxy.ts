import http from "node:http";

/**
 * A small reverse proxy for the benchmark: hands each request to the next of several app instances in
 * turn (node:http, kept-alive connections to each), as a load balancer in front of replicas would. It
 * passes the client's address on in X-Forwarded-For, and counts what each instance served.
 */
export type RoundRobinProxy = { base: string; served: number[]; close: () => Promise<void> };

export async function startRoundRobinProxy(targets: string[], port: number): Promise<RoundRobinProxy> {
  const upstreams = targets.map((t) => new URL(t));
  const agents = upstreams.map(() => new http.Agent({ keepAlive: true, maxSockets: 64 }));
  const served = upstreams.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const i = next;
    next = (next + 1) % upstreams.length;
    served[i] += 1;
    const target = upstreams[i];
    const forwarded = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, "x-forwarded-for": forwarded, "x-forwarded-host": req.headers.host ?? "" },
        agent: agents[i],
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", (error) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`upstream ${target.host}: ${error.message}`);
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    base: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        for (const agent of agents) agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
