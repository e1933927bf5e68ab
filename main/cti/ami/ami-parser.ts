import type { AmiMessage } from './ami-message';

/** What the parser found in the stream, in order. Errors are values: the stream goes on after them. */
export type AmiFrame =
  | { kind: 'greeting'; version: string }
  | { kind: 'message'; message: AmiMessage }
  | { kind: 'error'; reason: AmiParseErrorReason; detail: string };

export type AmiParseErrorReason = 'malformed_line' | 'untyped_block' | 'block_too_large';

export interface AmiParserOptions {
  /** Largest block (all its lines, in characters) kept in memory; larger blocks are dropped whole. Default 64 KiB. */
  maxBlockLength?: number;
}

const GREETING = /^Asterisk Call Manager(?: Proxy)?\/(\S+)\s*$/;
const KEY = /^[A-Za-z0-9_\-()./@;]+$/;
const TYPE_KEYS = ['event', 'response', 'action'];

/**
 * Streaming parser for the Asterisk Manager Interface line protocol: `Key: Value` lines ending in
 * CRLF, packets separated by a blank line, a greeting line first. Takes chunks cut anywhere (mid-line,
 * mid-CRLF, mid-UTF-8 character) and bursts of many packets; a bad line is reported and skipped,
 * an oversized block is dropped up to its blank line so a broken or hostile peer cannot grow memory.
 */
export class AmiParser {
  private readonly maxBlockLength: number;
  private readonly decoder = new TextDecoder('utf-8');
  private partial = '';
  private fields: Record<string, string> = Object.create(null);
  private fieldCount = 0;
  private blockLength = 0;
  /** Dropping the rest of an oversized block, up to its blank line. */
  private skippingBlock = false;
  /** Dropping the rest of a line that overflowed before its line end arrived. */
  private skippingLine = false;

  constructor(options: AmiParserOptions = {}) {
    this.maxBlockLength = options.maxBlockLength ?? 64 * 1024;
  }

  /** Feeds the next chunk of the stream; returns every frame it completed. */
  push(chunk: string | Uint8Array): AmiFrame[] {
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const frames: AmiFrame[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const piece = text.slice(start, nl);
      start = nl + 1;
      if (this.skippingLine) {
        this.skippingLine = false;
        continue;
      }
      const line = this.partial + piece;
      this.partial = '';
      this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line, frames);
    }
    if (!this.skippingLine) {
      this.partial += text.slice(start);
      if (this.blockLength + this.partial.length > this.maxBlockLength) {
        this.partial = '';
        this.skippingLine = true;
        this.dropBlock(frames);
      }
    }
    return frames;
  }

  /** Forgets any partial packet (e.g. on a new connection). */
  reset(): void {
    this.partial = '';
    this.skippingBlock = false;
    this.skippingLine = false;
    this.clearBlock();
  }

  private onLine(line: string, frames: AmiFrame[]): void {
    if (this.skippingBlock) {
      if (line === '') this.skippingBlock = false;
      return;
    }
    if (line === '') {
      this.finishBlock(frames);
      return;
    }
    if (this.fieldCount === 0 && this.blockLength === 0) {
      const greeting = GREETING.exec(line);
      if (greeting) {
        frames.push({ kind: 'greeting', version: greeting[1] as string });
        return;
      }
    }
    this.blockLength += line.length + 2;
    if (this.blockLength > this.maxBlockLength) {
      this.dropBlock(frames);
      return;
    }
    const colon = line.indexOf(':');
    const key = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!KEY.test(key)) {
      frames.push({ kind: 'error', reason: 'malformed_line', detail: line.slice(0, 120) });
      return;
    }
    const value = line.slice(colon + 1).trim();
    const previous = this.fields[key];
    this.fields[key] = previous === undefined ? value : `${previous}\n${value}`;
    if (previous === undefined) this.fieldCount++;
  }

  private finishBlock(frames: AmiFrame[]): void {
    if (this.fieldCount > 0) {
      const typed = Object.keys(this.fields).some((k) => TYPE_KEYS.includes(k.toLowerCase()));
      if (typed) frames.push({ kind: 'message', message: this.fields });
      else frames.push({ kind: 'error', reason: 'untyped_block', detail: Object.keys(this.fields).join(',').slice(0, 120) });
    }
    this.clearBlock();
  }

  private dropBlock(frames: AmiFrame[]): void {
    if (!this.skippingBlock) frames.push({ kind: 'error', reason: 'block_too_large', detail: `block longer than ${this.maxBlockLength} characters` });
    this.clearBlock();
    this.skippingBlock = true;
  }

  private clearBlock(): void {
    this.fields = Object.create(null);
    this.fieldCount = 0;
    this.blockLength = 0;
  }
}
