import type { DestinationStream } from 'pino';

/** Collects the JSON log lines of an app under test, to assert what is (never) logged. */
export class LogCapture implements DestinationStream {
  readonly raw: string[] = [];

  write(line: string): void {
    this.raw.push(line);
  }

  entries(): Record<string, unknown>[] {
    return this.raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  text(): string {
    return this.raw.join('');
  }
}
