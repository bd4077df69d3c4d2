import { createServer } from "node:http";

/**
 * The ceiling: node:http answering fixed bytes, after reading the request. "same" answers a captured local-aws
 * response byte for byte; "floor" answers any Query action with an empty result, the least a client can parse.
 */
export type BareReply = { status: number; headers: Record<string, string>; body: string };

const floor = (action: string) =>
  `<${action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><${action}Result/>` +
  `<ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata></${action}Response>`;

const same = process.argv[2] ? (JSON.parse(process.argv[2]) as BareReply) : undefined;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    if (same) {
      res.writeHead(same.status, same.headers);
      return res.end(same.body);
    }
    const body = floor(new URLSearchParams(Buffer.concat(chunks).toString()).get("Action") ?? "Unknown");
    res.writeHead(200, { "content-type": "text/xml", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.BARE_PORT ?? 0), "127.0.0.1", () => {
  const { port } = server.address() as { port: number };
  process.send!({ url: `http://127.0.0.1:${port}` });
});
process.on("message", () => server.close(() => process.exit(0)));
