import { buildSchema, introspectionFromSchema, type IntrospectionSchema } from 'graphql';
import sdl from '../../../schema/schema.graphql?raw';

/**
 * The API's schema, read from the committed SDL at build time rather than by an introspection
 * query (introspection is off in production). ra-data-graphql-simple derives every query and
 * mutation of the resources from it.
 */
export const introspectionSchema: IntrospectionSchema = introspectionFromSchema(buildSchema(sdl)).__schema;
