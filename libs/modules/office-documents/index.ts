export * from './office-documents.module';
export * from './office-documents.service';
export * from './office-documents.abilities';
export * from './office-documents.entity';
