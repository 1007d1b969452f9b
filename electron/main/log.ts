import fs from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';

export type Log = (message: string, error?: unknown) => void;

const MAX_BYTES = 1024 * 1024;

/**
 * A plain append-only log for the IT admin who gets called when something breaks.
 * Written synchronously: entries are rare, and the last one before a crash matters most.
 */
export function createLog(file: string): Log {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if ((fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_BYTES) {
      fs.renameSync(file, `${file}.1`);
    }
  } catch {
    /* logging must never stop the app */
  }
  return (message, error) => {
    const line = `${new Date().toISOString()} ${message}${error === undefined ? '' : `\n${inspect(error, { depth: 4 })}`}\n`;
    process.stderr.write(line);
    try {
      fs.appendFileSync(file, line);
    } catch {
      /* disk full or read-only: stderr still has it */
    }
  };
}
