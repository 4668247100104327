// The --stdio message writer: each message one write of header and body. vscode-jsonrpc's
// StreamMessageWriter writes the header, waits for its callback, then writes the body — two
// pipe writes (each waking the client) and a semaphore and four promise steps per message, which
// cost more than the rest of the server's work on an edit outside the core (bench/RESULTS.md,
// "### edit"). The bytes on the wire are the same: `Content-Length: N\r\n\r\n` and the JSON.

import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver';

/** What the writer needs of Node's stdout (a Writable); node.ts hands it `process.stdout`. */
export interface OutStream {
  write(text: string, encoding: 'utf8', done: (err?: Error | null) => void): boolean;
  end(): void;
  on(event: 'error', l: (err: unknown) => void): unknown;
  on(event: 'close', l: () => void): unknown;
}

export class StdoutMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly out: OutStream) {
    super();
    out.on('error', (err: unknown) => this.fireError(err));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    return new Promise((resolve, reject) => {
      const failed = (err: unknown) => {
        this.fireError(err, msg, ++this.errorCount);
        reject(err);
      };
      try {
        const json = JSON.stringify(msg);
        // Written in order as called: a pipe or file write is queued synchronously.
        this.out.write(`Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n${json}`, 'utf8', (err) => (err ? failed(err) : resolve()));
      } catch (err) {
        failed(err);
      }
    });
  }

  end(): void {
    this.out.end();
  }
}
