using System.Globalization;
using System.Text;

namespace CertGrid.Api.GraphQl;

/// <summary>
/// Finds a <c>\uD800</c>–<c>\uDFFF</c> escape in JSON text that is not one half of a surrogate pair: valid JSON
/// syntax, but not text (System.Text.Json refuses to read it as a string). Used to tell a client precisely why its
/// request could not be read.
/// </summary>
public static class JsonLoneSurrogates
{
    public static bool Contain(string json) => Contain(Encoding.UTF8.GetBytes(json));

    public static bool Contain(ReadOnlySpan<byte> json)
    {
        var expectLow = false;
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != '\\' || i + 1 >= json.Length)
            {
                if (expectLow)
                {
                    return true;
                }

                continue;
            }

            if (json[i + 1] != 'u' || i + 5 >= json.Length
                || !int.TryParse(Encoding.ASCII.GetString(json.Slice(i + 2, 4)), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
            {
                if (expectLow)
                {
                    return true;
                }

                i++; // another escape, such as \\ or \"
                continue;
            }

            var isHigh = unit is >= 0xD800 and <= 0xDBFF;
            var isLow = unit is >= 0xDC00 and <= 0xDFFF;
            if (expectLow != isLow || (expectLow && isHigh))
            {
                return true;
            }

            expectLow = isHigh;
            i += 5;
        }

        return expectLow;
    }
}
