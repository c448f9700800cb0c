using GraphQL.Types;
using GraphQL.Utilities;

namespace CertGrid.Api.GraphQl.Schema;

/// <summary>
/// Describes the scalars GraphQL.NET provides without a description (or with one that names another type), so every type
/// of the published schema tells a partner's developer what its values look like.
/// </summary>
public sealed class ScalarDescriptions : BaseSchemaNodeVisitor
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["String"] = "UTF-8 text.",
        ["Int"] = "A signed 32-bit whole number.",
        ["Float"] = "A double-precision floating-point number.",
        ["Boolean"] = "true or false.",
        ["ID"] = "An opaque identifier, sent and received as a string; CertGrid ids start with their kind, e.g. lrn_… or def_….",
        ["Long"] = "A signed 64-bit whole number, e.g. an audit-log sequence.",
        ["Decimal"] = "A decimal number sent as a JSON number, e.g. continuing-education credits such as 1.25.",
        ["DateOnly"] = "A calendar date without a time or offset, in ISO 8601 form yyyy-MM-dd, e.g. 2026-12-03.",
        ["DateTimeOffset"] = "An instant as an ISO 8601 date-time with its offset, e.g. 2026-12-03T16:20:00Z; CertGrid answers in UTC.",
    };

    public override void VisitScalar(ScalarGraphType type, ISchema schema)
    {
        if (Descriptions.TryGetValue(type.Name, out var description))
        {
            type.Description = description;
        }
    }
}
