/** Reads bytes `start`–`end` of the file. */
export type RangeRead = (start: number, end: number) => Promise<Uint8Array>;

interface Piece {
  bytes: Promise<Uint8Array>;
  arrived: boolean;
}

/**
 * The bytes of one column chunk, fetched in pieces with one piece read ahead: while a piece is
 * decoded the next one is on its way, and no more than that is ever in flight for the chunk.
 */
export class ChunkPieces {
  private nextStart: number;
  private ahead: Piece | undefined;

  constructor(
    private readonly read: RangeRead,
    start: number,
    /** End of the bytes there are to read (may stop short of the chunk's end in a cut file). */
    readonly end: number,
    private readonly pieceBytes: number,
  ) {
    this.nextStart = start;
  }

  /** Every byte has been handed out. */
  get exhausted(): boolean {
    return !this.ahead && this.nextStart >= this.end;
  }

  /** The next piece is already here: taking it will not wait for the network or the disk. */
  get arrived(): boolean {
    return this.ahead?.arrived ?? false;
  }

  /** The next piece; without one read ahead, a read of at least `wanted` bytes (a page known to be big). */
  async take(wanted = 0): Promise<Uint8Array> {
    const piece = this.ahead ?? this.request(wanted);
    this.ahead = undefined;
    const bytes = await piece.bytes;
    this.readAhead();
    return bytes;
  }

  /** Starts reading the next piece now (if there is one and none is on its way). */
  readAhead(): void {
    if (!this.ahead && this.nextStart < this.end) this.ahead = this.request(0);
  }

  private request(wanted: number): Piece {
    const start = this.nextStart;
    this.nextStart = Math.min(this.end, start + Math.max(this.pieceBytes, wanted));
    const piece: Piece = { bytes: this.read(start, this.nextStart), arrived: false };
    // A piece read ahead and never taken (the reader stopped early) must not reject unobserved.
    piece.bytes.then(() => (piece.arrived = true), () => (piece.arrived = true));
    return piece;
  }
}
