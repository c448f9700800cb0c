using GraphQL;
using GraphQL.Builders;

namespace CertGrid.Api.GraphQl.Schema;

/// <summary>
/// How many items a bounded list usually holds, for the complexity analyzer: without a hint every list counts as
/// many items, so a program page (credentials → criteria → levels → exemplars) would look far costlier than it is.
/// </summary>
public static class ComplexityHints
{
    public static FieldBuilder<TSource, TReturn> Expect<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, double items) =>
        field.WithComplexityImpact(1, items);
}
