/**
 * A typed CodeDeploy error: `type` becomes the `__type` of the JSON 1.1 error body, which the AWS SDK
 * turns into the exception class of the same name (ApplicationDoesNotExistException, …).
 */
export class ApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

/** Throws a typed CodeDeploy error with a 400 status. */
export function fail(type: string, message: string): never {
  throw new ApiError(type, message);
}

/** Throws the service's generic input error in its usual "N validation error detected" wording. */
export function invalid(member: string, constraint: string): never {
  throw new ApiError('ValidationException', `1 validation error detected: Value at '${member}' failed to satisfy constraint: ${constraint}`);
}
