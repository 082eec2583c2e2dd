/**
 * The zip records a bundle is made of (APPNOTE 6.3.x §4.3): their signatures, fixed lengths and the
 * flags and extra fields the strict reader knows. Shared by the reader and the tests that craft zips.
 */
export const LOCAL_HEADER = 0x04034b50;
export const DATA_DESCRIPTOR = 0x08074b50;
export const CENTRAL_HEADER = 0x02014b50;
export const ZIP64_END = 0x06064b50;
export const ZIP64_LOCATOR = 0x07064b50;
export const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

export const LOCAL_HEADER_BYTES = 30;
export const CENTRAL_HEADER_BYTES = 46;
export const END_BYTES = 22;
export const ZIP64_LOCATOR_BYTES = 20;
/** A zip64 end record without the "extensible data sector", which nothing here writes or reads. */
export const ZIP64_END_BYTES = 56;

export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DATA_DESCRIPTOR = 0x0008;
export const FLAG_STRONG_ENCRYPTION = 0x0040;
export const FLAG_MASKED_HEADERS = 0x2000;

export const STORED = 0;
export const ZIP64_EXTRA = 0x0001;
/** Info-ZIP's Unicode Path: some readers take the entry's name from it rather than from the header. */
export const UNICODE_PATH_EXTRA = 0x7075;

export const MAX_16 = 0xffff;
export const MAX_32 = 0xffffffff;
