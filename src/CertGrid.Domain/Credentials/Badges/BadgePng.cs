using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using CertGrid.Domain.Programs;

namespace CertGrid.Domain.Credentials.Badges;

/// <summary>
/// An achievement's badge as PNG (the tier's shield, drawn without any native graphics library), and
/// Open Badges 3.0 PNG baking: an <c>iTXt</c> chunk with keyword <c>openbadgecredential</c> holding the VC-JWT.
/// </summary>
public static class BadgePng
{
    public const string Keyword = "openbadgecredential";
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Render(CredentialTier tier)
    {
        var (r, g, b) = BadgeDesign.Colour(tier);
        const int width = BadgeDesign.Width;
        const int height = BadgeDesign.Height;
        var raw = new byte[height * (1 + width * 4)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 4);
            raw[row] = 0; // filter: none
            for (var x = 0; x < width; x++)
            {
                var pixel = row + 1 + x * 4;
                var inside = Inside(x + 0.5, y + 0.5, BadgeDesign.Shield);
                var border = inside && !Inside(x + 0.5, y + 0.5, Inset(BadgeDesign.Shield, 4));
                var tick = inside && OnTick(x, y);
                (raw[pixel], raw[pixel + 1], raw[pixel + 2], raw[pixel + 3]) = inside
                    ? border || tick ? ((byte)255, (byte)255, (byte)255, (byte)255) : (r, g, b, (byte)255)
                    : ((byte)0, (byte)0, (byte)0, (byte)0);
            }
        }

        using var png = new MemoryStream();
        png.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // colour type: RGBA
        WriteChunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            WriteChunk(png, "IDAT", compressed.ToArray());
        }

        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Bakes a VC-JWT into a PNG: replaces any earlier credential chunk and adds one before <c>IEND</c>.</summary>
    public static byte[] Bake(byte[] png, string jwt)
    {
        using var output = new MemoryStream();
        output.Write(Signature);
        foreach (var (type, data) in ReadChunks(png))
        {
            if (type == "iTXt" && ReadKeyword(data) == Keyword)
            {
                continue;
            }

            if (type == "IEND")
            {
                WriteChunk(output, "iTXt", [.. Encoding.Latin1.GetBytes(Keyword), 0, 0, 0, 0, 0, .. Encoding.UTF8.GetBytes(jwt)]);
            }

            WriteChunk(output, type, data);
        }

        return output.ToArray();
    }

    /// <summary>The VC-JWT baked into a PNG, or null.</summary>
    public static string? ReadBaked(byte[] png) =>
        ReadChunks(png).Where(c => c.Type == "iTXt" && ReadKeyword(c.Data) == Keyword)
            .Select(c => Encoding.UTF8.GetString(c.Data, Keyword.Length + 5, c.Data.Length - Keyword.Length - 5))
            .FirstOrDefault();

    public static IEnumerable<(string Type, byte[] Data)> ReadChunks(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new FormatException("Not a PNG file.");
        }

        for (var at = 8; at + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            yield return (type, png.AsSpan(at + 8, length).ToArray());
            at += 12 + length;
        }
    }

    private static string ReadKeyword(byte[] data)
    {
        var end = Array.IndexOf(data, (byte)0);
        return end < 0 ? string.Empty : Encoding.Latin1.GetString(data, 0, end);
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        var crc = new Crc32();
        crc.Append(typeBytes);
        crc.Append(data);
        Span<byte> checksum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(checksum, crc.GetCurrentHashAsUInt32());
        png.Write(checksum);
    }

    private static bool Inside(double x, double y, (int X, int Y)[] polygon)
    {
        var inside = false;
        for (int i = 0, j = polygon.Length - 1; i < polygon.Length; j = i++)
        {
            if ((polygon[i].Y > y) != (polygon[j].Y > y)
                && x < (polygon[j].X - polygon[i].X) * (y - polygon[i].Y) / (double)(polygon[j].Y - polygon[i].Y) + polygon[i].X)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private static (int X, int Y)[] Inset((int X, int Y)[] polygon, int by)
    {
        var centre = (X: polygon.Average(p => p.X), Y: polygon.Average(p => p.Y));
        return polygon.Select(p =>
        {
            var dx = p.X - centre.X;
            var dy = p.Y - centre.Y;
            var length = Math.Sqrt(dx * dx + dy * dy);
            return ((int)Math.Round(p.X - dx / length * by), (int)Math.Round(p.Y - dy / length * by));
        }).ToArray();
    }

    /// <summary>A white tick in the middle of the shield.</summary>
    private static bool OnTick(int x, int y) =>
        Near(x, y, (62, 110), (90, 140)) || Near(x, y, (90, 140), (140, 82));

    private static bool Near(int x, int y, (int X, int Y) a, (int X, int Y) b)
    {
        double dx = b.X - a.X, dy = b.Y - a.Y;
        var t = Math.Clamp(((x - a.X) * dx + (y - a.Y) * dy) / (dx * dx + dy * dy), 0, 1);
        var px = a.X + t * dx - x;
        var py = a.Y + t * dy - y;
        return px * px + py * py <= 36;
    }
}
