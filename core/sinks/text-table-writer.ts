import { closeSync, openSync, writeSync } from "node:fs";
import type { Hash } from "node:crypto";
import { sha256 } from "../hash.js";
import type { EncodedChunk, TableWriter, WrittenFile } from "./table-format.js";

/** Appends text chunks to a file, hashing as it goes; memory stays at one chunk. */
export class TextTableWriter implements TableWriter {
  private readonly fd: number;
  private readonly hash: Hash = sha256();
  private bytes = 0;
  private rows = 0;

  constructor(path: string, header: string) {
    this.fd = openSync(path, "w");
    if (header) this.append(header);
  }

  private append(text: string): void {
    const buf = Buffer.from(text, "utf8");
    writeSync(this.fd, buf);
    this.hash.update(buf);
    this.bytes += buf.length;
  }

  write(chunk: EncodedChunk, rowCount: number): void {
    if (typeof chunk !== "string") throw new TypeError("text writer expects encoded text");
    this.append(chunk);
    this.rows += rowCount;
  }

  close(): WrittenFile {
    closeSync(this.fd);
    return { rows: this.rows, bytes: this.bytes, sha256: this.hash.digest("hex") };
  }

  destroy(): void {
    closeSync(this.fd);
  }
}
