/** Bulwark's version, reported in every output format. Kept equal to package.json by a test. */
export const VERSION = '0.1.0';
