import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, Clock, maskedLogging, PlatformHttpModule, PlatformModule, traceLogFields } from '@techbridge/platform';
import { IdentityModule } from '@techbridge/identity';
import { CONTEXT_MODULES } from './context-modules';

export interface AppModuleOptions {
  config: AppConfig;
  clock?: Clock;
}

/** The HTTP process: the platform, the HTTP-only pieces, and every bounded context. */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          // Nest 11's path syntax for "every route" (the default '*' triggers a legacy-route warning).
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            // PIPL: phone numbers, e-mail addresses and ID numbers masked in every field and message.
            ...maskedLogging(),
            level: options.config.LOG_LEVEL,
            genReqId: (req) => (req as { id?: string }).id ?? '',
            autoLogging: { ignore: (req) => ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').includes('/health') },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            // Every line carries the trace (and, in the worker, the request id that caused the job).
            mixin: traceLogFields,
          },
        }),
        PlatformModule.forRoot(options),
        PlatformHttpModule,
        IdentityModule,
        ...CONTEXT_MODULES,
      ],
    };
  }
}
