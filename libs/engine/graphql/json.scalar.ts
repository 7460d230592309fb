import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

function literal(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
    case Kind.LIST:
      return ast.values.map(literal);
    case Kind.NULL:
      return null;
    case Kind.ENUM:
      return ast.value;
    case Kind.VARIABLE:
      return undefined;
  }
}

/** Arbitrary JSON, for read-only documents such as a plugin's effective configuration. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'A JSON value (read-only documents such as a plugin configuration).',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: literal,
});
