import net from 'node:net';
import type { FastifyInstance } from 'fastify';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Starts the app listening on a free port of 127.0.0.1 (app.close() stops it) and returns the port. */
export async function listenLocally(app: FastifyInstance): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as net.AddressInfo).port;
}

/**
 * Sends bytes exactly as given over a plain socket and reads the answer until the server closes.
 * For requests app.inject cannot make: raw non-ASCII in the request line, broken framing.
 */
export function sendRaw(port: number, bytes: Buffer | string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', () => socket.end(bytes));
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = text.slice(0, split).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: text.slice(split + 4) });
    });
  });
}

/** A request head (Connection: close) with the given extra header lines, then the body. */
export function rawRequest(requestLine: Buffer | string, headerLines: string[] = [], body: Buffer | string = ''): Buffer {
  const bodyBytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const head = [
    'Host: 127.0.0.1',
    ...headerLines,
    ...(bodyBytes.length ? [`Content-Length: ${bodyBytes.length}`] : []),
    'Connection: close',
  ].join('\r\n');
  return Buffer.concat([
    Buffer.isBuffer(requestLine) ? requestLine : Buffer.from(requestLine),
    Buffer.from(`\r\n${head}\r\n\r\n`),
    bodyBytes,
  ]);
}
