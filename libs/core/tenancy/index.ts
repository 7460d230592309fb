export * from './tenancy.module';
export * from './tenancy.service';
export * from './tenancy.abilities';
export * from './tenant.entity';
export * from './tenant-lookup';
export * from './tenant-fan-out';
