using CertGrid.Abstractions.Paging;
using GraphQL.Builders;
using GraphQL.Types;

namespace CertGrid.Api.GraphQl.Schema;

/// <summary>The <c>first</c>/<c>after</c> arguments every list takes (at most <see cref="PageRequest.MaxPageSize"/>).</summary>
public static class PagingArguments
{
    public static FieldBuilder<TSource, TReturn> Paged<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<IntGraphType>("first", $"How many items (1–{PageRequest.MaxPageSize}, default {PageRequest.DefaultPageSize}).")
        .Argument<StringGraphType>("after", "The 'endCursor' of the previous page.");
}
