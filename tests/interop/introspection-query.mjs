// Prints the introspection query that GraphiQL, graphql-codegen, Postman and Apollo send: getIntrospectionQuery()
// of the npm package graphql, as JSON lines: {"name","query"} for the default options and for every option GraphQL.NET 8
// implements (not specifiedByUrl: it has no __Type.specifiedByURL; not inputValueDeprecation: no __Directive.args(includeDeprecated)).
import { getIntrospectionQuery } from 'graphql';

const variants = {
  default: {},
  everySupportedOption: { descriptions: true, directiveIsRepeatable: true, schemaDescription: true, oneOf: true },
};
for (const [name, options] of Object.entries(variants)) {
  console.log(JSON.stringify({ name, query: getIntrospectionQuery(options) }));
}
