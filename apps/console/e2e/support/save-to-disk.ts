/**
 * What an export journey needs to see that a bundle went to disk without passing through the
 * page: counters of every Blob the page makes and every body it reads whole, and of its own
 * requests for the export. Installed before any of the console's scripts run.
 */
import type { Page } from '@playwright/test';

export interface PageMemory {
  /** Sizes of Blobs the page constructed, and of bodies it read whole (blob(), arrayBuffer(), text()). */
  heldBytes: number[];
  /** URLs the page's own code fetched (a browser download is not among them). */
  fetched: string[];
}

declare global {
  interface Window {
    __pageMemory: PageMemory;
  }
}

export async function watchPageMemory(page: Page, options: { filePicker: 'none' | 'private-file' }) {
  await page.addInitScript((picker) => {
    const memory: PageMemory = { heldBytes: [], fetched: [] };
    window.__pageMemory = memory;
    const NativeBlob = window.Blob;
    window.Blob = class extends NativeBlob {
      constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
        super(parts, options);
        memory.heldBytes.push(this.size);
      }
    };
    for (const method of ['blob', 'arrayBuffer', 'text'] as const) {
      const native = Response.prototype[method] as (this: Response) => Promise<Blob | ArrayBuffer | string>;
      Object.defineProperty(Response.prototype, method, {
        value: async function (this: Response) {
          const result = await native.call(this);
          memory.heldBytes.push(
            typeof result === 'string'
              ? result.length
              : result instanceof ArrayBuffer
                ? result.byteLength
                : result.size,
          );
          return result;
        },
      });
    }
    const nativeFetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      memory.fetched.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return nativeFetch(input, init);
    };
    // No picker: the console falls back to the browser's own download. A private file: the
    // console streams into a real file of the origin's private file system, as it would into a
    // file the user picked (a headless browser cannot show the real picker).
    Object.defineProperty(window, 'showSaveFilePicker', {
      configurable: true,
      value:
        picker === 'none'
          ? undefined
          : async (options: { suggestedName: string }) =>
              (await navigator.storage.getDirectory()).getFileHandle(options.suggestedName, { create: true }),
    });
  }, options.filePicker);
}

export function pageMemory(page: Page): Promise<PageMemory> {
  return page.evaluate(() => window.__pageMemory);
}

/** The bytes of a file in the origin's private file system, read for the test after the fact. */
export async function privateFile(page: Page, name: string): Promise<Buffer> {
  const base64 = await page.evaluate(async (fileName) => {
    const file = await (await (await navigator.storage.getDirectory()).getFileHandle(fileName)).getFile();
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, name);
  return Buffer.from(base64, 'base64');
}
