using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CertGrid.Api.Publishing;

/// <summary>
/// Whole-number query parameters of the HTTP endpoints, read by hand so that a value out of range or not a number is
/// a 400 that names the parameter and its range (a typed binding answers with the parameter's .NET type).
/// </summary>
public static class QueryParameters
{
    /// <summary>The parameter's value (null when absent), or the 400 to answer instead.</summary>
    public static (long? Value, IResult? Refusal) WholeNumber(string? text, string name, long min, long max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? (value, null)
            : (null, PublicResults.Error(StatusCodes.Status400BadRequest, ErrorCode.ValidationFailed,
                string.Create(CultureInfo.InvariantCulture, $"'{name}' must be a whole number from {min} to {max}.")));
    }
}
