// hyparquet-writer writes data page v2 and never lets a row span pages; pyarrow (which writes
// the real shards) writes data page v1 and splits long rows of nested columns across pages.
// This rewrites a hyparquet-writer file that way, so readers meet what pyarrow files hold.
import { parquetMetadata, parquetSchema, type ColumnMetaData, type DecodedArray, type PageHeader } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { readDataPageV2 } from 'hyparquet/src/datapage.js';
import { getMaxDefinitionLevel, getMaxRepetitionLevel, getTreePath } from 'hyparquet/src/schema.js';
import type { ColumnDecoder, SchemaTree } from 'hyparquet/src/types.js';
import { compressors as decompressors } from 'hyparquet-compressors';
import { ByteWriter } from 'hyparquet-writer';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import { writeRleBitPackedHybrid } from 'hyparquet-writer/src/encoding.js';
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';
import { writePlain } from 'hyparquet-writer/src/plain.js';
import { snappyCompress } from 'hyparquet-writer/src/snappy.js';
import { COMPRESSORS } from './tracesParquet';

const PAR1 = 0x31524150;

export interface RepagedFile {
  bytes: Uint8Array;
  /** Data pages that start inside a row (their first repetition level is not 0). */
  continuedPages: number;
  dataPages: number;
}

/** Levels and values of a whole column chunk, as decoded from its v2 pages. */
interface ChunkValues {
  rep: number[];
  def: number[];
  values: unknown[];
  encoding: string;
}

/** Rewrites every data page as data page v1 pages of `valuesPerPage` levels each, cutting rows anywhere. */
export function asDataPageV1(input: Uint8Array, valuesPerPage: number): RepagedFile {
  const buffer = input.slice().buffer;
  const metadata = parquetMetadata(buffer);
  const schema = parquetSchema(metadata);
  const out = new ByteWriter();
  out.appendUint32(PAR1);
  const result = { continuedPages: 0, dataPages: 0 };
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      if (!meta) throw new Error('column chunk without metadata');
      const start = out.offset;
      const { dictionaryOffset, dataOffset } = rewriteChunk(out, new Uint8Array(buffer), meta, schema, valuesPerPage, result);
      Object.assign(meta, {
        dictionary_page_offset: dictionaryOffset,
        data_page_offset: dataOffset,
        total_compressed_size: BigInt(out.offset - start),
        total_uncompressed_size: BigInt(out.offset - start),
        statistics: undefined,
        encoding_stats: undefined,
        size_statistics: undefined,
      });
      Object.assign(chunk, { file_offset: BigInt(start), offset_index_offset: undefined, offset_index_length: undefined, column_index_offset: undefined, column_index_length: undefined });
    }
  }
  writeMetadata(out, metadata);
  out.appendUint32(PAR1);
  return { bytes: new Uint8Array(out.getBuffer()), ...result };
}

function rewriteChunk(out: ByteWriter, file: Uint8Array, meta: ColumnMetaData, schema: SchemaTree, valuesPerPage: number, counts: { continuedPages: number; dataPages: number }): { dictionaryOffset?: bigint; dataOffset: bigint } {
  const schemaPath = getTreePath(schema, meta.path_in_schema);
  const leaf = schemaPath[schemaPath.length - 1];
  if (!leaf) throw new Error('column not in schema');
  const decoder: ColumnDecoder = { ...meta, pathInSchema: meta.path_in_schema, element: leaf.element, schemaPath, compressors: decompressors, parsers: DEFAULT_PARSERS };
  const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
  const reader = { view: new DataView(file.buffer, file.byteOffset, file.byteLength), offset: start };
  const all: ChunkValues = { rep: [], def: [], values: [], encoding: 'PLAIN' };
  let dictionaryOffset: bigint | undefined;
  while (reader.offset < start + Number(meta.total_compressed_size)) {
    const headerStart = reader.offset;
    const header = parquetHeader(reader);
    const page = file.subarray(reader.offset, reader.offset + header.compressed_page_size);
    reader.offset += header.compressed_page_size;
    if (header.type === 'DICTIONARY_PAGE') {
      dictionaryOffset = BigInt(out.offset);
      out.appendBytes(file.subarray(headerStart, reader.offset));
    } else {
      collect(all, header, page, decoder);
    }
  }
  const dataOffset = BigInt(out.offset);
  writePages(out, all, decoder, valuesPerPage, counts);
  return { dictionaryOffset, dataOffset };
}

function collect(all: ChunkValues, header: PageHeader, page: Uint8Array, decoder: ColumnDecoder): void {
  if (header.type !== 'DATA_PAGE_V2' || !header.data_page_header_v2) throw new Error(`expected data page v2, got ${header.type}`);
  const { definitionLevels, repetitionLevels, dataPage } = readDataPageV2(page, header, decoder);
  const count = header.data_page_header_v2.num_values;
  const maxDef = getMaxDefinitionLevel(decoder.schemaPath);
  all.rep.push(...(repetitionLevels.length ? repetitionLevels : new Array<number>(count).fill(0)));
  all.def.push(...(definitionLevels?.length ? definitionLevels : new Array<number>(count).fill(maxDef)));
  all.values.push(...Array.from(dataPage as ArrayLike<unknown>));
  all.encoding = header.data_page_header_v2.encoding;
}

function writePages(out: ByteWriter, all: ChunkValues, decoder: ColumnDecoder, valuesPerPage: number, counts: { continuedPages: number; dataPages: number }): void {
  const maxRep = getMaxRepetitionLevel(decoder.schemaPath);
  const maxDef = getMaxDefinitionLevel(decoder.schemaPath);
  const dictionary = all.encoding.endsWith('_DICTIONARY');
  const bitWidth = dictionary ? Math.max(1, 32 - Math.clz32((all.values as number[]).reduce((m, v) => Math.max(m, v), 0))) : 0;
  let valueIndex = 0;
  for (let a = 0; a < all.def.length; a += valuesPerPage) {
    const b = Math.min(all.def.length, a + valuesPerPage);
    const body = new ByteWriter();
    if (maxRep) writeLevels(body, all.rep.slice(a, b), maxRep);
    if (maxDef) writeLevels(body, all.def.slice(a, b), maxDef);
    const present = all.def.slice(a, b).filter((d) => d === maxDef).length;
    const values = all.values.slice(valueIndex, valueIndex + present) as DecodedArray;
    valueIndex += present;
    if (dictionary) {
      body.appendUint8(bitWidth);
      writeRleBitPackedHybrid(body, values, bitWidth);
    } else {
      writePlain(body, values, decoder.type, decoder.element.type_length);
    }
    const raw = body.getBytes();
    const compressed = compress(decoder.codec, raw);
    writePageHeader(out, {
      type: 'DATA_PAGE',
      uncompressed_page_size: raw.length,
      compressed_page_size: compressed.length,
      data_page_header: { num_values: b - a, encoding: dictionary ? 'RLE_DICTIONARY' : 'PLAIN', definition_level_encoding: 'RLE', repetition_level_encoding: 'RLE' },
    });
    out.appendBytes(compressed);
    counts.dataPages++;
    if ((all.rep[a] ?? 0) > 0) counts.continuedPages++;
  }
}

/** Levels as data page v1 stores them: a 4-byte length, then the RLE / bit-packed hybrid. */
function writeLevels(body: ByteWriter, levels: number[], max: number): void {
  const encoded = new ByteWriter();
  writeRleBitPackedHybrid(encoded, levels, 32 - Math.clz32(max));
  body.appendUint32(encoded.offset);
  body.appendBytes(encoded.getBytes());
}

function compress(codec: string, bytes: Uint8Array): Uint8Array {
  if (codec === 'SNAPPY') return snappyCompress(bytes);
  if (codec === 'ZSTD') return COMPRESSORS.ZSTD(bytes);
  if (codec === 'GZIP') return COMPRESSORS.GZIP(bytes);
  if (codec === 'UNCOMPRESSED') return bytes;
  throw new Error(`no compressor for ${codec}`);
}
