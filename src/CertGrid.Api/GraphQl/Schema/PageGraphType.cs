using CertGrid.Abstractions.Paging;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.GraphQl.Schema;

/// <summary>A page of <typeparamref name="TNode"/>: its items and where the next page starts.</summary>
public sealed class PageGraphType<TNode, TItem> : ObjectGraphType<Page<TItem>>
    where TNode : IGraphType
{
    public PageGraphType()
    {
        var nodeName = typeof(TNode).Name.Replace("GraphType", string.Empty, StringComparison.Ordinal).Replace("Type", string.Empty, StringComparison.Ordinal);
        Name = $"{nodeName}Page";
        Description = $"A page of {nodeName} items; pass 'endCursor' as 'after' for the next page.";
        // The page field's 'first' already counts the items; the list itself adds nothing more.
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNode>>>>("nodes").Description($"This page's {nodeName} items, in the list's order; empty when nothing matches.").Expect(1).Resolve(ctx => ctx.Source.Items);
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("True when more items follow this page.").Resolve(ctx => ctx.Source.NextCursor is not null);
        Field<StringGraphType>("endCursor").Description("An opaque cursor: pass it as 'after' to read the next page; null on the last page.").Resolve(ctx => ctx.Source.NextCursor);
        this.AuthorizeOtherFieldsAsParent();
    }
}
