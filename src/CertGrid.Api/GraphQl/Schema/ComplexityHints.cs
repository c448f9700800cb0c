using CertGrid.Api.GraphQl.Cost;
using GraphQL;
using GraphQL.Builders;

namespace CertGrid.Api.GraphQl.Schema;

/// <summary>
/// How many items a bounded list usually holds, for the cost of an operation (<see cref="OperationCostCalculator"/>):
/// without a hint a list counts as <see cref="OperationCostCalculator.UnboundedListItems"/> items, so a program page
/// (credentials → criteria → levels → exemplars) would look far costlier than it is.
/// </summary>
public static class ComplexityHints
{
    public static FieldBuilder<TSource, TReturn> Expect<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, double items) =>
        field.WithMetadata(OperationCostCalculator.ExpectedItemsKey, items);
}
