using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertGrid.Api.Publishing;

/// <summary>JSON settings of verification results over plain HTTP: camelCase, enums as strings.</summary>
public static class VerificationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };
}
