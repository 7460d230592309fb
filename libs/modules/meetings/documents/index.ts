export * from './agreed-items-xlsx';
export * from './chinese-format';
export * from './minutes-docx';
export * from './minutes-document';
