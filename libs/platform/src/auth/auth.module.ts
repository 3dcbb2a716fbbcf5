import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule, JwtSecretRequestType } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { ACCESS_TOKEN_ALGORITHM, accessKeyId, verificationSecret } from './access-token';
import { ActorResolver } from './actor-source';
import { AuthGuard } from './auth.guard';
import { AuthStateStore } from './auth-state.store';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const keys = { current: config.JWT_ACCESS_SECRET, previous: config.JWT_ACCESS_SECRET_PREVIOUS };
        return {
          // Signing always uses the current secret (its kid in the header); verifying picks the secret the kid names.
          secretOrKeyProvider: (type: JwtSecretRequestType, tokenOrPayload: unknown) =>
            type === JwtSecretRequestType.VERIFY && typeof tokenOrPayload === 'string' ? verificationSecret(tokenOrPayload, keys) : keys.current,
          signOptions: { expiresIn: config.JWT_ACCESS_TTL_SECONDS, algorithm: ACCESS_TOKEN_ALGORITHM, keyid: accessKeyId(keys.current) },
          verifyOptions: { algorithms: [ACCESS_TOKEN_ALGORITHM] },
        };
      },
    }),
  ],
  providers: [AuthStateStore, ActorResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [JwtModule, AuthStateStore, ActorResolver],
})
export class AuthModule {}
