/**
 * Splits a stream of chunks into LF-terminated lines without copying, except for a line that spans
 * two chunks. The current line is `buf[start, end)` (newline excluded) until the next call.
 */
const LF = 0x0a;

export class LineTooLong extends Error {}

export class LineReader {
  buf: Uint8Array = new Uint8Array(0);
  start = 0;
  end = 0;
  /** Lines handed out so far. */
  lines = 0;
  /** Bytes received so far. */
  bytes = 0;

  private chunk: Uint8Array = new Uint8Array(0);
  private position = 0;
  private carry = new Uint8Array(64 * 1024);
  private carried = 0;

  constructor(
    private readonly source: AsyncIterator<Uint8Array>,
    private readonly maxLineBytes: number,
    private readonly onChunk?: (chunk: Uint8Array) => void,
  ) {}

  /** Moves to the next complete line in what has been received; false when more must be read first. */
  next(): boolean {
    const { chunk, position } = this;
    if (position >= chunk.length) return false;
    const newline = chunk.indexOf(LF, position);
    if (newline === -1) {
      this.keep(chunk.subarray(position));
      this.position = chunk.length;
      return false;
    }
    this.position = newline + 1;
    this.lines++;
    if (this.carried > 0) {
      this.keep(chunk.subarray(position, newline));
      this.buf = this.carry;
      this.start = 0;
      this.end = this.carried;
      this.carried = 0;
      return true;
    }
    if (newline - position > this.maxLineBytes) throw new LineTooLong();
    this.buf = chunk;
    this.start = position;
    this.end = newline;
    return true;
  }

  /** Reads the next chunk; false at the end of the stream. */
  async fill(): Promise<boolean> {
    const { value, done } = await this.source.next();
    if (done) return false;
    this.chunk = value;
    this.position = 0;
    this.bytes += value.length;
    this.onChunk?.(value);
    return true;
  }

  /** The next line, reading as needed; false at the end of the stream. */
  async nextLine(): Promise<boolean> {
    while (!this.next()) if (!(await this.fill())) return false;
    return true;
  }

  /** Bytes after the last newline: a final line that was never terminated. */
  get unterminated(): number {
    return this.carried;
  }

  private keep(part: Uint8Array): void {
    const length = this.carried + part.length;
    if (length > this.maxLineBytes) throw new LineTooLong();
    if (length > this.carry.length) {
      const grown = new Uint8Array(Math.min(Math.max(length, this.carry.length * 2), this.maxLineBytes));
      grown.set(this.carry.subarray(0, this.carried));
      this.carry = grown;
    }
    this.carry.set(part, this.carried);
    this.carried = length;
  }
}
