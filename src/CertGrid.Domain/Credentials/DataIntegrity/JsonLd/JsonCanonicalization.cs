using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CertGrid.Domain.Credentials.DataIntegrity.JsonLd;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785) for JSON literals (<c>@type: @json</c>): members sorted by UTF-16
/// code units, no whitespace, strings escaped as ECMAScript does. Numbers other than integers up to 2^53 are refused
/// rather than risk a lexical form a verifier would write differently.
/// </summary>
public static class JsonCanonicalization
{
    public static string Serialize(JsonNode? value)
    {
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    private static void Append(StringBuilder text, JsonNode? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject map:
                text.Append('{');
                var first = true;
                foreach (var (key, member) in map.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    text.Append(first ? string.Empty : ",");
                    first = false;
                    AppendString(text, key);
                    text.Append(':');
                    Append(text, member);
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ",");
                    Append(text, array[i]);
                }

                text.Append(']');
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                AppendString(text, scalar.GetValue<string>());
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.Number:
                var number = double.Parse(scalar.ToJsonString(), CultureInfo.InvariantCulture);
                text.Append(number % 1 == 0 && Math.Abs(number) <= 9007199254740991
                    ? ((long)number).ToString(CultureInfo.InvariantCulture)
                    : throw JsonLdException.Unsupported("A non-integer number in a JSON literal"));
                break;
            case JsonValue scalar:
                text.Append(scalar.GetValueKind() == JsonValueKind.True ? "true" : "false");
                break;
        }
    }

    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        text.Append('"');
    }
}
