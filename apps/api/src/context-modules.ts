import type { Type } from '@nestjs/common';
import { IdentityModule } from '@techbridge/identity';
import { NotificationModule } from '@techbridge/notification';

/** Every bounded context, composed identically by the api and the worker. */
export const CONTEXT_MODULES: Type<unknown>[] = [IdentityModule, NotificationModule];
