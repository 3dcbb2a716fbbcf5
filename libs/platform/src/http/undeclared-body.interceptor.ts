import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Observable } from 'rxjs';
import { ValidationFailed } from '../errors/validation';

/** Handlers that read the body themselves (uploads, streamed imports) or declare a DTO are validated elsewhere. */
const READS_BODY = new Set<number>([RouteParamtypes.BODY, RouteParamtypes.REQUEST, RouteParamtypes.RAW_BODY, RouteParamtypes.FILE, RouteParamtypes.FILES]);

function readsBody(context: ExecutionContext): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {}) as Record<string, unknown>;
  return Object.keys(args).some((key) => READS_BODY.has(Number(key.split(':')[0])));
}

/**
 * Action routes without a DTO (`submit`, `publish`, `award` …) get the same treatment as DTO routes under
 * `forbidNonWhitelisted`: an empty object (or no body) passes, any field is refused by name.
 */
@Injectable()
export class UndeclaredBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || readsBody(context)) return next.handle();
    const body = context.switchToHttp().getRequest<{ body?: unknown }>().body;
    if (body === undefined || body === null || body === '') return next.handle();
    if (typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)) {
      const keys = Object.keys(body);
      if (!keys.length) return next.handle();
      throw new ValidationFailed(keys.slice(0, 20).map((field) => ({ field, code: 'whitelistValidation', message: `property ${field} is not allowed`, zh: `不允许的字段 ${field}` })));
    }
    throw new ValidationFailed([{ field: 'body', code: 'isEmpty', message: 'this action takes no request body (send {} or nothing)', zh: '该操作不接受请求体（请发送 {} 或不发送）' }]);
  }
}
