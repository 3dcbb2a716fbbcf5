import { Readable } from 'node:stream';

/**
 * Runs a generator up to its first `chunks` pieces before the response starts: the header row and the first page
 * of a CSV export are produced (and their query run) while an error can still be a proper JSON 4xx/5xx, instead
 * of cutting a 200 stream off halfway. The rest streams as before.
 */
export async function prefetchedStream(source: AsyncIterable<string | Buffer>, chunks = 2): Promise<Readable> {
  const it = source[Symbol.asyncIterator]();
  const head: Array<string | Buffer> = [];
  let done = false;
  while (head.length < chunks) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
  }
  async function* replay(): AsyncGenerator<string | Buffer> {
    yield* head;
    if (done) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  return Readable.from(replay());
}
