namespace CertGrid.Api.Tests.HostileInput;

/// <summary>One request of the suite: which argument (or input field, by path) of which root field gets which hostile value, sent with which key.</summary>
public sealed record HostileRequest(string Field, string Target, MalformedValue Variant, string Query, IReadOnlyDictionary<string, object?> Variables, string Role)
{
    public override string ToString() => $"{Field}({Target}) ← {Variant.Category} as {Role}";
}
