import { getNamedType, GraphQLEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from 'graphql';
import { todayVn } from '../../api/src/common/dates';

/**
 * A syntactically valid value for an argument type (required fields only), so that a request passes
 * validation and only authentication or authorisation decides its answer (role matrix, no-sign-in tests).
 */
export function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    return Object.fromEntries(Object.values(named.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sample(f.type)]));
  }
  if (named instanceof GraphQLEnumType) return named.getValues()[0]!.value;
  switch (named.name) {
    case 'ID':
      return '1';
    case 'Int':
    case 'SafeInt':
      return 1000;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'LocalDate':
      return todayVn();
    default:
      return 'a-sample-value-for-tests';
  }
}
