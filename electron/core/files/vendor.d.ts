// Types for the parts of untyped packages the core reads scans with (files/qr-scan.ts).

declare module 'pngjs' {
  interface DecodedPng {
    width: number;
    height: number;
    /** RGBA, 8 bits a channel, row by row. */
    data: Buffer;
  }
  const pngjs: { PNG: { sync: { read(buffer: Buffer): DecodedPng } } };
  export default pngjs;
}

declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

declare module 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs' {
  export class JpegImage {
    width: number;
    height: number;
    parse(data: Uint8Array): void;
    getData(options: { width: number; height: number; forceRGBA?: boolean; forceRGB?: boolean }): Uint8ClampedArray;
  }
}
