/** Input that can never be appended (retrying will not help). `path` names the field. */
export class LogValidationError extends Error {
  override readonly name = 'LogValidationError';
  readonly permanent = true;
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

/** Another JS context kept moving the head while we tried to link; safe to retry later. */
export class LogConflictError extends Error {
  override readonly name = 'LogConflictError';
  constructor(readonly chainId: string) {
    super(`chain ${chainId}: head kept changing, append not written`);
  }
}
