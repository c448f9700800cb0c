using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace CertGrid.Api.Access.Rules;

/// <summary>How a field declares who may resolve it. Every field of the schema declares a rule (a test walks them all).</summary>
public static class FieldAccess
{
    /// <summary>Callers the rule refuses get a coded error (UNAUTHENTICATED or FORBIDDEN).</summary>
    public static FieldBuilder<TSource, TReturn> Authorize<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, AccessRule rule) =>
        field.Declare(new FieldAccessRule(rule));

    /// <summary>Callers the rule refuses read null: a detail of the object only some of its readers may see.</summary>
    public static FieldBuilder<TSource, TReturn> AuthorizeOrHide<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, AccessRule rule) =>
        field.Declare(new FieldAccessRule(rule, AccessDenial.Hide));

    /// <summary>Callers the rule refuses are told the object does not exist (<paramref name="what"/> '<c>id</c>' was not found).</summary>
    public static FieldBuilder<TSource, TReturn> AuthorizeOrNotFound<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, AccessRule rule, string what, string idArgument = "id") =>
        field.Declare(new FieldAccessRule(rule, AccessDenial.NotFound, what, idArgument));

    /// <summary>A list everyone who may read the object may read, each caller seeing only the items <paramref name="visible"/> admits.</summary>
    public static FieldBuilder<TSource, TReturn> AuthorizeItems<TSource, TReturn, TItem>(this FieldBuilder<TSource, TReturn> field, Func<Caller, TSource, TItem, bool> visible) =>
        field.Declare(new FieldAccessRule(AccessRules.AsParent, VisibleItem: (caller, source, item) => visible(caller, (TSource)source, (TItem)item)));

    /// <summary>Declares <see cref="AccessRules.AsParent"/> for every field of the type that declared nothing yet: call it last.</summary>
    public static void AuthorizeOtherFieldsAsParent(this IComplexGraphType type)
    {
        foreach (var field in type.Fields.Where(f => f.Access() is null))
        {
            field.Metadata[FieldAccessRule.MetadataKey] = new FieldAccessRule(AccessRules.AsParent);
        }
    }

    /// <summary>The field's declared access, or null when it declared none.</summary>
    public static FieldAccessRule? Access(this FieldType field) => field.GetMetadata<FieldAccessRule?>(FieldAccessRule.MetadataKey);

    private static FieldBuilder<TSource, TReturn> Declare<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, FieldAccessRule access)
    {
        field.FieldType.Metadata[FieldAccessRule.MetadataKey] = access;
        return field;
    }
}
