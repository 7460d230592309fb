export * from './identity.module';
export * from './identity.service';
export * from './identity.abilities';
export * from './user.entity';
