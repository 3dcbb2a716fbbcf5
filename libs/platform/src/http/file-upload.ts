import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { PassThrough, Readable } from 'node:stream';
import { DomainError } from '../errors/domain-error';
import { textProblem } from './input-integrity';

export interface ReceivedFile {
  /** The part's bytes; a malformed or truncated body surfaces here as a 400, never as a plain Error. */
  stream: Readable;
  filename: string;
  mimetype: string;
}

const malformed = (why: string) =>
  new DomainError('validation', 'MALFORMED_MULTIPART', { zh: `multipart/form-data 请求体格式错误：${why}`, en: `Malformed multipart/form-data body: ${why}` }, [
    { field: 'file', message: `malformed multipart body: ${why}`, code: 'MALFORMED_MULTIPART' },
  ]);

const fileRequired = (field: string) =>
  DomainError.validation(field, { zh: `请以 multipart/form-data 上传文件，字段名为 "${field}"`, en: `Upload the file as multipart/form-data with a file part named "${field}"` }, 'FILE_REQUIRED');

/** Errors @fastify/multipart gives a status (413 limits, 400 prototype keys) keep it; busboy's parse errors carry none. */
function asUploadError(err: unknown): unknown {
  if (err instanceof DomainError) return err;
  const status = (err as { statusCode?: number } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && status !== 406) return err;
  return malformed(err instanceof Error ? err.message : String(err));
}

/**
 * The one way a route reads an uploaded file: refuses a non-multipart request, a missing boundary, a part
 * with another name and a file name that is not storable text, all as 400 with field details; and turns
 * a body that breaks off mid-file into a 400 on the returned stream. The filter closes the connection
 * whenever an error answers a request whose body was not read to the end.
 */
export async function receiveFile(req: FastifyRequest, field = 'file'): Promise<ReceivedFile> {
  if (!req.isMultipart()) throw fileRequired(field);
  let part: MultipartFile | undefined;
  try {
    part = await req.file();
  } catch (err) {
    throw asUploadError(err);
  }
  if (!part || part.fieldname !== field) {
    part?.file.resume();
    throw fileRequired(field);
  }
  const nameProblem = textProblem(part.filename ?? '');
  if (nameProblem) {
    part.file.resume();
    throw DomainError.validation(`${field}.filename`, { zh: '文件名含有不允许的字符', en: 'The file name contains characters that are not allowed' }, nameProblem);
  }
  const source = part.file;
  // The body may already have ended mid-file while we waited (busboy destroys the part with the error before
  // anyone listens); piping a destroyed stream would wait forever.
  if (source.destroyed) throw asUploadError(source.errored ?? new Error('the body ended before the file did'));
  const stream = new PassThrough();
  source.on('error', (err) => stream.destroy(asUploadError(err) as Error));
  // A consumer that gives up (destroy) stops reading the source too; the filter then closes the socket.
  stream.on('close', () => {
    if (!source.readableEnded) source.unpipe(stream);
  });
  source.pipe(stream);
  return { stream, filename: part.filename ?? '', mimetype: part.mimetype ?? 'application/octet-stream' };
}
