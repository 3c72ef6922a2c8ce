import { invalid } from './api-error';

/** A decoded JSON request body. */
export type Input = Record<string, unknown>;

/** Reads an optional string member, rejecting other JSON types. */
export function optString(input: Input, name: string): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') invalid(name, 'Member must be a string');
  return value;
}

/** Reads an optional boolean member. */
export function optBool(input: Input, name: string): boolean | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') invalid(name, 'Member must be a boolean');
  return value;
}

/** Reads an optional number member. */
export function optNumber(input: Input, name: string): number | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) invalid(name, 'Member must be a number');
  return value;
}

/** Reads an optional list of strings. */
export function optStringList(input: Input, name: string): string[] | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) invalid(name, 'Member must be a list of strings');
  return value as string[];
}

/** Reads an optional structure member. */
export function optObject(input: Input, name: string): Input | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) invalid(name, 'Member must be a structure');
  return value as Input;
}

/** Reads an optional list of structures. */
export function optObjectList(input: Input, name: string): Input[] | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'object' || item === null || Array.isArray(item))) {
    invalid(name, 'Member must be a list of structures');
  }
  return value as Input[];
}

/** Reads an optional enum member, rejecting values outside the set as the service does. */
export function optEnum<T extends string>(input: Input, name: string, allowed: readonly T[]): T | undefined {
  const value = optString(input, name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    invalid(name, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
  }
  return value as T;
}

/**
 * Reads the structure as its SDK type. The SDK shapes are all-optional, so after the JSON type
 * checks above the cast only asserts the member names the service documents.
 */
export function asShape<T>(value: Input | undefined): T | undefined {
  return value as T | undefined;
}
