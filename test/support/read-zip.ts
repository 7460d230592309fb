import { inflateRawSync } from 'node:zlib';

/**
 * The entries of a ZIP archive (DOCX and XLSX are ZIPs of XML), read with node:zlib only, so tests
 * parse our output without depending on a library we do not otherwise use. Enough ZIP for what
 * docx and exceljs write: stored or deflated entries, no ZIP64, no encryption.
 */
export function readZip(archive: Buffer): Map<string, Buffer> {
  const eocd = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a ZIP archive: no end-of-central-directory record');
  const count = archive.readUInt16LE(eocd + 10);
  let at = archive.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const method = archive.readUInt16LE(at + 10);
    const compressedSize = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localHeader = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    // The local header's own name/extra lengths may differ from the central directory's.
    const dataStart =
      localHeader + 30 + archive.readUInt16LE(localHeader + 26) + archive.readUInt16LE(localHeader + 28);
    const data = archive.subarray(dataStart, dataStart + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`${name}: unsupported compression method ${method}`);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry as text, failing with the names present when it is missing. */
export function zipText(archive: Buffer, name: string): string {
  const entries = readZip(archive);
  const entry = entries.get(name);
  if (!entry) throw new Error(`${name} not in archive (has: ${[...entries.keys()].join(', ')})`);
  return entry.toString('utf8');
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of each paragraph (<w:p>) of a WordprocessingML part, tabs as "\t". */
export function wordParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) =>
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
      .map(([tag, text]) =>
        tag === '<w:tab/>' ? '\t' : (text ?? '').replace(/&(\w+);/g, (m, e: string) => ENTITIES[e] ?? m),
      )
      .join(''),
  );
}
