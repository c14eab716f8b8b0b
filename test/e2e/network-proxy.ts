/**
 * A TCP relay in front of the sandbox, on a port of its own, that a test can take down and bring
 * back: while it is down, nothing listens on its port and the browser's connections are refused
 * (net::ERR_CONNECTION_REFUSED), the way a server that is unreachable refuses them.
 */
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';

export class NetworkProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  private constructor(
    readonly port: number,
    private readonly targetPort: number,
  ) {}

  /** A relay to 127.0.0.1:`targetPort`, up. */
  static async start(targetPort: number): Promise<NetworkProxy> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const proxy = new NetworkProxy(port, targetPort);
    await proxy.up();
    return proxy;
  }

  /** The sandbox's API through the relay, named as the extension's e2e build reaches it. */
  get apiUrl(): string {
    return `http://localhost:${this.port}`;
  }

  async up(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    // The browser tries ::1 for `localhost` first, finds it refused, and comes here.
    await new Promise<void>((resolve) => server.listen({ port: this.port, host: '127.0.0.1' }, resolve));
    this.server = server;
  }

  /** Nothing listens any more, and open connections are cut. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}
