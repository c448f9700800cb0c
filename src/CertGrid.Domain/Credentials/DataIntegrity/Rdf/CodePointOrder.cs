namespace CertGrid.Domain.Credentials.DataIntegrity.Rdf;

/// <summary>
/// Orders strings by Unicode code point, as RDFC-1.0 sorts N-Quads lines. Plain ordinal order compares UTF-16
/// code units, which puts characters above U+FFFF (surrogate pairs) before U+E000–U+FFFF.
/// </summary>
public sealed class CodePointOrder : IComparer<string>
{
    public static CodePointOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var common = x.AsSpan().CommonPrefixLength(y);
        if (common < x.Length && common < y.Length)
        {
            var a = x[common];
            var b = y[common];
            return a >= 0xD800 && b >= 0xD800 ? Rank(a) - Rank(b) : a - b;
        }

        return x.Length - y.Length;
    }

    // Surrogates (U+D800–U+DFFF) stand for code points above U+FFFF: move them after U+E000–U+FFFF.
    private static int Rank(char c) => c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
