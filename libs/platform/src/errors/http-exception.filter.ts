import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorDetail, HTTP_STATUS_BY_KIND } from './domain-error';
import { preferredLanguage } from '../i18n/language';
import { ValidationFailed } from './validation';
import { InvalidSearchQueryError } from '../search/search-index.port';
import { FileTooLargeError } from '../storage/file-storage';
import { domainErrorFromDatabase } from './database-errors';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: ErrorDetail[];
  requestId: string;
  [extra: string]: unknown;
}

const REASON: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
  410: 'Gone', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests',
  500: 'Internal Server Error', 503: 'Service Unavailable',
};

/** The one place that turns any thrown thing into `{ statusCode, error, message, details[], requestId }`. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const lang = preferredLanguage(request.headers['accept-language']);
    const requestId = String(request.id ?? '');
    const body = this.toBody(domainErrorFromDatabase(exception) ?? exception, lang, requestId);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId, url: request.url }, 'Unhandled error');
    }
    if (body.statusCode === 429 && !reply.getHeader('retry-after')) reply.header('retry-after', String(body.retryAfterSeconds ?? 60));
    // A route may have set its own type (text/calendar, text/csv, a download name) before it failed: the error is JSON.
    reply.removeHeader('content-disposition');
    reply.header('content-type', 'application/json; charset=utf-8');
    // An upload refused before its body was read leaves the rest on the socket; reusing that socket would make the
    // client's next request wait behind it. Close it once this answer is written.
    if ((request.raw as { complete?: boolean }).complete === false) reply.header('connection', 'close');
    void reply.status(body.statusCode).header('x-request-id', requestId).send(body);
  }

  private toBody(exception: unknown, lang: 'zh' | 'en', requestId: string): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = HTTP_STATUS_BY_KIND[exception.kind];
      const details = exception.details.map(({ zh, ...d }) => (lang === 'zh' && zh ? { ...d, message: zh } : d));
      return { statusCode, error: REASON[statusCode], message: exception.text[lang], details, requestId, code: exception.code, ...exception.extra };
    }
    if (exception instanceof FileTooLargeError) {
      const msg = lang === 'zh' ? `文件超过 ${Math.round(exception.limit / 1048576)} MB` : `File exceeds ${Math.round(exception.limit / 1048576)} MB`;
      return { statusCode: 413, error: REASON[413], message: msg, details: [{ field: 'file', message: msg, code: 'FILE_TOO_LARGE' }], requestId, code: 'FILE_TOO_LARGE' };
    }
    if (exception instanceof ValidationFailed) {
      return {
        statusCode: 400,
        error: REASON[400],
        message: lang === 'zh' ? '请求参数有误，请检查标出的字段' : 'Validation failed: see details for each field',
        details: exception.details.map((d) => ({ field: d.field, code: d.code, message: lang === 'zh' ? d.zh : d.message })),
        requestId,
        code: 'VALIDATION_FAILED',
      };
    }
    if (exception instanceof InvalidSearchQueryError) {
      // A filter, facet or sort on an attribute the index does not allow: the caller's mistake, not ours.
      return { statusCode: 400, error: REASON[400], message: lang === 'zh' ? `搜索参数无效：${exception.message}` : `Invalid search: ${exception.message}`, details: [{ field: exception.field, message: exception.message, code: 'INVALID_SEARCH' }], requestId, code: 'INVALID_SEARCH' };
    }
    if (exception instanceof ThrottlerException) {
      return { statusCode: 429, error: REASON[429], message: lang === 'zh' ? '请求过于频繁，请稍后再试' : 'Too many requests, try again later', details: [], requestId };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const res = exception.getResponse();
      const message = typeof res === 'string' ? res : String((res as { message?: unknown }).message ?? exception.message);
      return { statusCode, error: REASON[statusCode] ?? 'Error', message, details: [], requestId };
    }
    // Fastify's own errors (body too large, bad JSON, wrong content type) carry a statusCode.
    const fastifyStatus = (exception as { statusCode?: number } | null)?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      const code = (exception as { code?: string }).code;
      const msg = fastifyMessage(fastifyStatus, code, lang, (exception as Error).message);
      return { statusCode: fastifyStatus, error: REASON[fastifyStatus] ?? 'Error', message: msg, details: [{ field: 'body', message: msg, code }], requestId };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: REASON[500], message: lang === 'zh' ? '服务器内部错误' : 'Internal server error', details: [], requestId };
  }
}

function fastifyMessage(status: number, code: string | undefined, lang: 'zh' | 'en', fallback: string): string {
  if (status === 413) return lang === 'zh' ? '请求体过大' : 'Request body is too large';
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) return lang === 'zh' ? '不支持的内容类型' : 'Unsupported content type';
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return lang === 'zh' ? '请求体为空' : 'Request body is empty';
  if (status === 400) return lang === 'zh' ? `请求体不是有效的 JSON：${fallback}` : `Malformed request body: ${fallback}`;
  return fallback;
}

export const HTTP_STATUS_REASON = REASON;
