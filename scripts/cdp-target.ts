import type { CDPSession } from '@playwright/test';

/**
 * A page reached over the browser's CDP session by its target's session id: the real toolbar
 * popup is no Playwright page. For the browser tests (test/e2e/fixtures.ts) and `npm run bench`.
 */
export class CdpTarget {
  private nextId = 1;
  constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {}

  /** Evaluates `expression` in the page (awaiting a promise) and returns its JSON value. */
  evaluate(expression: string): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onMessage = (event: { sessionId?: string; message: string }) => {
        const message = JSON.parse(event.message) as {
          id?: number;
          result?: { result?: { value?: unknown }; exceptionDetails?: { text: string } };
        };
        if (event.sessionId !== this.sessionId || message.id !== id) return;
        this.cdp.off('Target.receivedMessageFromTarget', onMessage);
        if (message.result?.exceptionDetails) reject(new Error(message.result.exceptionDetails.text));
        else resolve(message.result?.result?.value);
      };
      this.cdp.on('Target.receivedMessageFromTarget', onMessage);
      this.cdp
        .send('Target.sendMessageToTarget', {
          sessionId: this.sessionId,
          message: JSON.stringify({
            id,
            method: 'Runtime.evaluate',
            params: { expression, returnByValue: true, awaitPromise: true },
          }),
        })
        // The page closed: "No session with given id".
        .catch((error: unknown) => {
          this.cdp.off('Target.receivedMessageFromTarget', onMessage);
          reject(error);
        });
    });
  }
}
