import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { maskedLogging, PlatformModule, traceLogFields, WorkerRuntimeModule } from '@techbridge/platform';
import { AppModuleOptions } from '../../api/src/app.module';
import { CONTEXT_MODULES } from '../../api/src/context-modules';

/** The worker process: the same contexts as the api, with the job runtime and no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { ...maskedLogging(), level: options.config.LOG_LEVEL, mixin: traceLogFields } }),
        PlatformModule.forRoot(options),
        WorkerRuntimeModule,
        ...CONTEXT_MODULES,
      ],
    };
  }
}
