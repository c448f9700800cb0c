using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.DataIntegrity;
using CertGrid.Domain.Credentials.DataIntegrity.JsonLd;
using CertGrid.Domain.Credentials.DataIntegrity.Keys;
using NSec.Cryptography;

/// <summary>
/// Signing and verifying an Open Badges credential with an <c>eddsa-rdfc-2022</c> Data Integrity proof, next to raw
/// Ed25519 (NSec) signing and verifying the same credential's bytes, measured in the same run on one thread. The
/// difference is JSON-LD expansion and RDFC-1.0 canonicalisation of the credential and the proof configuration.
/// </summary>
internal static class DataIntegrityBenchmark
{
    public static void Run(JsonObject openBadge, Func<Func<object>, Rate> measure)
    {
        var credential = (JsonObject)openBadge.DeepClone();
        credential["@context"]!.AsArray().Add(JsonLdContextStore.OpenBadgesExtensions);
        var bytes = Encoding.UTF8.GetBytes(credential.ToJsonString());
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var method = "did:web:certgrid.example:c:demo#" + Ed25519Multikey.PublicKeyOf(key);
        var options = new DataIntegrityProofOptions(method, new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        var suite = EddsaRdfc2022.Bundled;
        var signed = suite.Sign(credential, options, key);
        var signature = SignatureAlgorithm.Ed25519.Sign(key, bytes);
        if (!suite.Verify(signed, _ => key.PublicKey).Verified || !SignatureAlgorithm.Ed25519.Verify(key.PublicKey, bytes, signature))
        {
            throw new InvalidOperationException("The benchmark's own signatures do not verify.");
        }

        // Warm every path up to optimised code first: a shared machine starves the JIT's background thread, and a
        // path measured while still running unoptimised code would look several times slower than it is.
        for (var i = 0; i < 2_000; i++)
        {
            suite.Sign(credential, options, key);
            suite.Verify(signed, _ => key.PublicKey);
        }

        Thread.Sleep(TimeSpan.FromSeconds(2));
        var quads = JsonLdProcessor.Bundled.ToRdf(credential).Count;
        Console.WriteLine();
        Console.WriteLine($"Data Integrity: the Open Badges credential is {bytes.Length} bytes, {quads} RDF quads; the proof adds one named graph.");
        Console.WriteLine();
        Console.WriteLine("| Operation | Raw Ed25519 (ops/s wall / CPU) | eddsa-rdfc-2022 (ops/s wall / CPU) | eddsa-rdfc-2022 ÷ raw (CPU) |");
        Console.WriteLine("|---|--:|--:|--:|");
        Row("Sign", measure(() => SignatureAlgorithm.Ed25519.Sign(key, bytes)), measure(() => suite.Sign(credential, options, key)));
        Row("Verify", measure(() => SignatureAlgorithm.Ed25519.Verify(key.PublicKey, bytes, signature)), measure(() => suite.Verify(signed, _ => key.PublicKey)));
        var canonical = measure(() => JsonLdProcessor.Bundled.Canonicalize(credential));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| Canonicalise the credential alone (JSON-LD → RDFC-1.0) | | {canonical.Wall:N0} / {canonical.Cpu:N0} | |"));
        var dataset = JsonLdProcessor.Bundled.ToRdf(credential);
        var toRdf = measure(() => JsonLdProcessor.Bundled.ToRdf(credential));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| … of which JSON-LD expansion to RDF quads | | {toRdf.Wall:N0} / {toRdf.Cpu:N0} | |"));
        var rdfc = measure(() => CertGrid.Domain.Credentials.DataIntegrity.Rdf.RdfCanonicalizer.Canonicalize(dataset));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| … of which RDFC-1.0 of those quads | | {rdfc.Wall:N0} / {rdfc.Cpu:N0} | |"));
    }

    private static void Row(string operation, Rate raw, Rate dataIntegrity) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {operation} | {raw.Wall:N0} / {raw.Cpu:N0} | {dataIntegrity.Wall:N0} / {dataIntegrity.Cpu:N0} | {dataIntegrity.Cpu / raw.Cpu:N2}× |"));
}
