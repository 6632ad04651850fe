/** Stable codes of errors about the user's input. */
export type InputErrorCode =
  | 'BULWARK_PATH_NOT_FOUND'
  | 'BULWARK_NO_TEMPLATES'
  | 'BULWARK_NOT_RECOGNISED'
  | 'BULWARK_EMPTY_FILE'
  | 'BULWARK_BINARY_FILE'
  | 'BULWARK_ENCODING'
  | 'BULWARK_TEMPLATE_PARSE'
  | 'BULWARK_TEMPLATE_INVALID'
  | 'BULWARK_ASSEMBLY_INVALID'
  | 'BULWARK_SUPPRESSIONS_INVALID'
  | 'BULWARK_BASELINE_INVALID'
  | 'BULWARK_STACK_NOT_FOUND'
  | 'BULWARK_AWS_ACCESS'
  | 'BULWARK_USAGE';

/**
 * An error in what the user gave us: a file that is missing, empty, truncated, not a template.
 * The CLI prints `message` on one line and exits 2; it never prints a stack trace for these.
 */
export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    /** The file (or path) at fault. */
    readonly file: string,
    /** What is wrong, and what to do next where that helps. */
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'InputError';
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
