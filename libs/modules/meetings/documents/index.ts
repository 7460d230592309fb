export * from './agreed-items-xlsx';
export * from './minutes-docx';
export * from './minutes-document';
