/** The official document layout (GB/T 9704 党政机关公文格式), the ledger spreadsheet layout and Chinese dates and numerals, for every context's documents. */
export * from './chinese-format';
export * from './official-layout';
export * from './ledger-sheet';
