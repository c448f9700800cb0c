using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Credentials.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

// What signing a credential costs CertGrid, next to the raw signature the same key makes, in one run on one
// thread: the difference is building the Open Badges document and the JWT around the signature.
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var content = SampleCredential();
var payload = Payload(content);
var payloadBytes = Encoding.UTF8.GetBytes(payload);
var tokens = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };

Console.WriteLine($"Credential payload: {payloadBytes.Length} bytes; {seconds} s per measurement, one thread, .NET {Environment.Version}.");
Console.WriteLine();
Console.WriteLine("| Algorithm | Raw sign (ops/s) | JWT of a ready payload (ops/s) | Build document + JWT (ops/s) | Issuance µs/credential | Raw sign µs | Share of issuance in the signature |");
Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|");
foreach (var algorithm in new[] { SigningAlgorithm.ES256, SigningAlgorithm.RS256 })
{
    var (kid, _, pkcs8) = SigningKeyMaterial.Generate(algorithm);
    var key = SigningKeyMaterial.PrivateSecurityKey(algorithm, pkcs8, kid);
    var credentials = new SigningCredentials(key, SigningKeyMaterial.JwsAlgorithm(algorithm));
    Func<byte[]> raw = algorithm == SigningAlgorithm.ES256
        ? () => ((ECDsaSecurityKey)key).ECDsa.SignData(payloadBytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
        : () => ((RsaSecurityKey)key).Rsa.SignData(payloadBytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    var rawRate = Measure(() => raw()).Wall;
    var jwtRate = Measure(() => tokens.CreateToken(payload, credentials)).Wall;
    var fullRate = Measure(() => tokens.CreateToken(Payload(content), credentials)).Wall;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {algorithm} | {rawRate:N0} | {jwtRate:N0} | {fullRate:N0} | {1e6 / fullRate:N1} | {1e6 / rawRate:N1} | {100 * fullRate / rawRate:N0}% |"));
}

DataIntegrityBenchmark.Run(OpenBadgeDocument.Build(content), Measure);

// Operations per second on this thread by the wall clock, and per second of this process's CPU time (what one
// core achieves when the machine is shared).
Rate Measure(Func<object> operation)
{
    var warmUp = Stopwatch.StartNew();
    while (warmUp.Elapsed < TimeSpan.FromSeconds(0.5))
    {
        operation();
    }

    long count = 0;
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
    {
        operation();
        count++;
    }

    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    return new Rate(count / watch.Elapsed.TotalSeconds, count / cpu.TotalSeconds);
}

static string Payload(CredentialContent content)
{
    var document = OpenBadgeDocument.Build(content);
    document["iss"] = content.Issuer.Id;
    document["sub"] = "urn:uuid:9f1c5a4e-0d4b-4c3a-9d7e-2b8f6a1c3e5d";
    document["jti"] = content.CredentialUrl;
    document["nbf"] = content.ValidFrom.ToUnixTimeSeconds();
    document["exp"] = content.ValidUntil!.Value.ToUnixTimeSeconds();
    return document.ToJsonString();
}

static CredentialContent SampleCredential()
{
    var levels = new List<RubricLevel> { new("Not yet", 0, "Not shown."), new("Developing", 1, "Shown with help."), new("Proficient", 2, "Shown independently."), new("Exemplary", 3, "Shown and taught.") };
    var criteria = Enumerable.Range(1, 3).Select(i => new RubricCriterion($"C{i}", $"Criterion {i}", null, [$"COMP-{i}"], levels)).ToList();
    const string issuer = "https://certgrid.example/c/demo/issuer";
    return new CredentialContent(
        "https://certgrid.example/c/demo/credentials/vc_benchmark0000000000",
        new IssuerProfile(issuer, "Reliability Guild", "https://reliability-guild.example", "certification@reliability-guild.example", "A community of practice."),
        "https://certgrid.example/c/demo/achievements/def_benchmark000000000",
        "SRE Foundations",
        "Demonstrates the foundations of site reliability: observability, incident response and learning from incidents.",
        CredentialTier.Foundational,
        "Submit a portfolio showing an SLO you defined, an incident you took part in, and the review you wrote afterwards.",
        criteria.Select(c => new CompetencyAlignment(c.CompetencyCodes[0], c.Name, "https://certgrid.example/c/demo/frameworks/fwk_x", "Practice")).ToList(),
        new Rubric(criteria, 70),
        criteria.Select(c => new CriterionResult(c.Code, "Proficient")).ToList(),
        [new EvidenceItem("https://certgrid.example/c/demo/credentials/vc_benchmark0000000000/evidence/art_x", "Portfolio", new string('a', 64), "text/markdown", 2048)],
        "ada@example.org",
        "0123456789abcdef0123456789abcdef",
        new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2028, 11, 29, 0, 0, 0, TimeSpan.Zero),
        "https://certgrid.example/c/demo/achievements/def_benchmark000000000/image.svg");
}
