import type { Platform } from '../types';
import { dispatchSchema } from './dispatch-schema';
import { ec2Schema } from './ec2-schema';
import type { AppSpecSchema } from './schema-types';
import { ecsSchema, lambdaSchema } from './service-schemas';

/** The schema each platform's AppSpec is validated against; also written to schemas/*.json for other tools. */
export const PLATFORM_SCHEMAS: Readonly<Record<Platform, AppSpecSchema>> = {
  ec2: ec2Schema,
  ecs: ecsSchema,
  lambda: lambdaSchema,
};

/** File names under schemas/ for each platform's schema. */
export const SCHEMA_FILES: Readonly<Record<Platform, string>> = {
  ec2: 'appspec-ec2.schema.json',
  ecs: 'appspec-ecs.schema.json',
  lambda: 'appspec-lambda.schema.json',
};

/** Schemas written to schemas/ besides the per-platform ones: the dispatching schema for other tools. */
export const EXTRA_SCHEMAS: Readonly<Record<string, AppSpecSchema>> = {
  'appspec.schema.json': dispatchSchema,
};
