export * from './identity.module';
export * from './identity.service';
export * from './identity.abilities';
export * from './sign-in.abilities';
export * from './sign-in-limiter';
export * from './user.entity';
