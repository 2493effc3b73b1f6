// How much a single workbook may make the reader inflate and hold; beyond these the file is refused.

export interface ReadLimits {
  /** Total bytes the reader may inflate from the parts it reads. */
  maxUncompressedBytes: number;
  /** Bytes one part (a sheet, the shared strings) may inflate to. */
  maxEntryBytes: number;
  maxSheets: number;
  /** Cell slots one sheet's grid may hold: each row's cells up to its last value, blanks included. */
  maxCells: number;
  /** Rows one sheet may span (Excel's own maximum by default). */
  maxRows: number;
}

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxEntryBytes: 50 * 1024 * 1024,
  maxSheets: 255,
  maxCells: 2_000_000,
  maxRows: 1_048_576,
});

/** Excel's own limits, which no legitimate cell exceeds. */
export const MAX_COLUMNS = 16_384;
export const MAX_CELL_TEXT = 32_767;
