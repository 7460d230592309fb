import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@engine/config';
import { Db, type DatabaseHandle } from '@engine/database';
import { TOKEN_SERVICE, TokenService } from '@engine/access';
import { Clock } from '@engine/clock';
import { PiiCipher } from '@engine/crypto';
import { RulesChangeParticipants } from '@engine/plugins';

export const DATABASE_HANDLE = Symbol('DATABASE_HANDLE');

/** Configuration, the database door (`Db`), token service and personal-data cipher, available to every module. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig & { jwtSecret: string; piiKey: string }, database: DatabaseHandle): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_HANDLE, useValue: database },
        { provide: DataSource, useValue: database.dataSource },
        Db,
        Clock,
        { provide: TOKEN_SERVICE, useValue: new TokenService(config.jwtSecret, config.accessTokenTtlSeconds) },
        { provide: PiiCipher, useValue: new PiiCipher(config.piiKey) },
        RulesChangeParticipants,
      ],
      exports: [APP_CONFIG, DATABASE_HANDLE, Db, Clock, TOKEN_SERVICE, PiiCipher, RulesChangeParticipants],
    };
  }
}
