import { Kind, type DocumentNode, type FieldNode, type IntrospectionObjectType } from 'graphql';
import { buildGqlQuery, buildQueryFactory } from 'ra-data-graphql-simple';
import { introspectionSchema } from './introspection';

/** Each root query's declared argument names, from the committed schema. */
const declaredArguments: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const queryTypeName = introspectionSchema.queryType.name;
  const queryType = introspectionSchema.types.find((t): t is IntrospectionObjectType => t.kind === 'OBJECT' && t.name === queryTypeName);
  return new Map((queryType?.fields ?? []).map((field) => [field.name, new Set(field.args.map((arg) => arg.name))]));
})();

function withDeclaredArguments(field: FieldNode): FieldNode {
  const allowed = declaredArguments.get(field.name.value);
  if (!allowed || !field.arguments?.length) return field;
  const args = field.arguments.filter((arg) => allowed.has(arg.name.value));
  return args.length === field.arguments.length ? field : { ...field, arguments: args };
}

/**
 * ra-data-graphql-simple passes the list's `page` and `perPage` to `_allXMeta` as well, but the API
 * declares `_allXMeta(filter)` only (DESIGN §5), and GraphQL refuses unknown arguments. This drops,
 * from every root field of a query, the arguments its declaration does not have.
 */
export function dropUndeclaredArguments(document: DocumentNode): DocumentNode {
  return {
    ...document,
    definitions: document.definitions.map((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'query'
        ? {
            ...definition,
            selectionSet: {
              ...definition.selectionSet,
              selections: definition.selectionSet.selections.map((selection) =>
                selection.kind === Kind.FIELD ? withDeclaredArguments(selection) : selection,
              ),
            },
          }
        : definition,
    ),
  };
}

/** ra-data-graphql-simple's query builder with {@link dropUndeclaredArguments} applied to what it builds. */
export const buildQuery = buildQueryFactory(undefined, (introspectionResults) => {
  const build = buildGqlQuery(introspectionResults);
  return (resource, raFetchMethod, queryType, variables) =>
    dropUndeclaredArguments(build(resource, raFetchMethod, queryType, variables) as DocumentNode);
});
