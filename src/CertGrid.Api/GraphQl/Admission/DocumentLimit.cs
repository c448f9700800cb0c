namespace CertGrid.Api.GraphQl.Admission;

/// <summary>The limits a document is checked against before validation; their names appear in <c>extensions.limit</c>.</summary>
public static class DocumentLimit
{
    public const string Tokens = "tokens";
    public const string Fields = "fields";
    public const string Aliases = "aliases";
    public const string Depth = "depth";
    public const string RepeatedSelections = "repeatedSelections";
    public const string Cost = "cost";
}
