/** Reads bytes `start`–`end` of the file. */
export type RangeRead = (start: number, end: number) => Promise<Uint8Array>;

/** Pieces requested ahead of the one being decoded: two, so a read's latency hides behind another's transfer. */
const READ_AHEAD = 2;

interface Piece {
  bytes: Promise<Uint8Array>;
  arrived: boolean;
}

/**
 * The bytes of one column chunk, fetched in pieces. Until `readAhead` is called only what the
 * reader asks for is fetched (the first piece, then the rest of a page it needs), so the first
 * rows of every column share the link; after it, a couple of pieces are kept in flight, so decoding
 * overlaps the reads but never more than that is in flight for the chunk. Pieces start at
 * `firstPieceBytes` and double up to `pieceBytes`: the first rows need only a little, the rest is
 * read in fewer, bigger requests.
 */
export class ChunkPieces {
  private nextStart: number;
  private nextSize: number;
  private readonly ahead: Piece[] = [];
  private depth = 0;

  constructor(
    private readonly read: RangeRead,
    start: number,
    /** End of the bytes there are to read (may stop short of the chunk's end in a cut file). */
    readonly end: number,
    private readonly pieceBytes: number,
    firstPieceBytes = pieceBytes,
  ) {
    this.nextStart = start;
    this.nextSize = Math.min(firstPieceBytes, pieceBytes);
  }

  /** Every byte has been handed out. */
  get exhausted(): boolean {
    return !this.ahead.length && this.nextStart >= this.end;
  }

  /** The next piece is already here: taking it will not wait for the network or the disk. */
  get arrived(): boolean {
    return this.ahead[0]?.arrived ?? false;
  }

  /** Requests the first piece now, before the reader asks for it. */
  start(): void {
    if (!this.ahead.length && this.nextStart < this.end) this.ahead.push(this.request(0));
  }

  /**
   * The next piece. With none read ahead, a read of `wanted` bytes (the rest of a page known to be
   * big): exactly that many before reading ahead, since the first rows wait for them, at least
   * that many after.
   */
  async take(wanted = 0): Promise<Uint8Array> {
    const piece = this.ahead.shift() ?? this.request(wanted);
    const bytes = await piece.bytes;
    this.fill();
    return bytes;
  }

  /** From now on keeps pieces in flight ahead of the reader (as far as there are bytes left). */
  readAhead(): void {
    this.depth = READ_AHEAD;
    this.fill();
  }

  private fill(): void {
    while (this.ahead.length < this.depth && this.nextStart < this.end) this.ahead.push(this.request(0));
  }

  private request(wanted: number): Piece {
    const start = this.nextStart;
    const size = wanted > 0 && this.depth === 0 ? wanted : Math.max(this.nextSize, wanted);
    this.nextStart = Math.min(this.end, start + size);
    this.nextSize = Math.min(this.pieceBytes, this.nextSize * 2);
    const piece: Piece = { bytes: this.read(start, this.nextStart), arrived: false };
    // A piece read ahead and never taken (the reader stopped early) must not reject unobserved.
    piece.bytes.then(() => (piece.arrived = true), () => (piece.arrived = true));
    return piece;
  }
}
